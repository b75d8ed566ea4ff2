package org.conductd.ingest;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MailHeader;

/**
 * The header section of a message, read leniently: a field that does not parse yields null or
 * an empty list, never an error.
 */
final class MessageHeaders {

    /** The null return path, with or without blanks inside. */
    private static final Pattern NULL_PATH = Pattern.compile("<[" + AsciiText.BLANKS + "]*>");

    private final List<Field> fields;

    MessageHeaders(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Every field in order, unfolded and decoded, each with its undecoded value beside. */
    List<MailHeader> decoded() {
        List<MailHeader> headers = new ArrayList<>(fields.size());
        for (Field field : fields) {
            headers.add(new MailHeader(field.getName(), HeaderText.decode(field.getBody()),
                    HeaderText.unfold(field.getBody())));
        }
        return headers;
    }

    String text(String name) {
        Field field = first(name);
        return field == null ? null : HeaderText.decode(field.getBody());
    }

    /** The first usable mailbox of the first such field, or null. */
    EmailAddress firstMailbox(String name) {
        List<EmailAddress> all = mailboxes(name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every usable mailbox in every field of that name; groups are flattened. */
    List<EmailAddress> mailboxes(String name) {
        List<EmailAddress> addresses = new ArrayList<>();
        for (Field field : fields) {
            if (field.getName().equalsIgnoreCase(name)) {
                for (Mailbox mailbox : addressList(field.getBody()).flatten()) {
                    addIfUsable(mailbox, addresses);
                }
            }
        }
        return addresses;
    }

    /**
     * The address inside the first Return-Path: "" for the null sender {@code <>}, null when the
     * field is absent. The topmost Return-Path is the one the delivering server wrote.
     */
    String returnPath() {
        Field field = first("Return-Path");
        if (field == null) {
            return null;
        }
        String value = field.getBody().strip();
        if (value.isEmpty() || NULL_PATH.matcher(value).matches()) {
            return "";
        }
        ByteSequence bytes = utf8(value);
        Mailbox mailbox = LenientAddressParser.DEFAULT.parseMailbox(
                bytes, new ParserCursor(0, bytes.length()), null);
        String address = mailbox == null ? null : mailbox.getAddress();
        if (address == null || address.isBlank()) {
            return EmailAddress.of(value.replace("<", "").replace(">", "")).address();
        }
        return EmailAddress.of(address).address();
    }

    Instant date() {
        Field field = first("Date");
        if (field == null) {
            return null;
        }
        DateTimeField parsed = DateTimeFieldLenientImpl.PARSER.parse(field, DecodeMonitor.SILENT);
        Date date = parsed.getDate();
        return date == null ? null : date.toInstant();
    }

    /**
     * Mime4j's {@code parseAddressList(CharSequence)} encodes the text as UTF-8 but stops at the
     * text's length in chars, so a non-ASCII display name cuts the end off the address
     * ("Jürgen <j@x.de>" gives "j@x.d"). Parsing the bytes with their own length avoids that.
     */
    private static AddressList addressList(String value) {
        ByteSequence bytes = utf8(value);
        return LenientAddressParser.DEFAULT.parseAddressList(bytes, new ParserCursor(0, bytes.length()));
    }

    private static ByteSequence utf8(String text) {
        return ContentUtil.encode(StandardCharsets.UTF_8, text);
    }

    private Field first(String name) {
        for (Field field : fields) {
            if (field.getName().equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }

    /** A mailbox is usable when it has both a local part and a domain. */
    private static void addIfUsable(Mailbox mailbox, List<EmailAddress> addresses) {
        String local = mailbox.getLocalPart();
        String domain = mailbox.getDomain();
        if (local == null || local.isBlank() || domain == null || domain.isBlank()) {
            return;
        }
        String name = mailbox.getName() == null ? null : HeaderText.decode(mailbox.getName());
        addresses.add(new EmailAddress(name, HeaderText.withoutControls(local + "@" + domain)));
    }
}
