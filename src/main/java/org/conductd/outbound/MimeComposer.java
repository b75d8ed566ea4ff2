package org.conductd.outbound;

import com.google.re2j.Pattern;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import org.conductd.mail.Attachment;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MessageId;
import org.conductd.mail.OutboundMessage;

/**
 * Turns an {@link OutboundMessage} into an RFC 5322 message: text/plain, or
 * multipart/alternative with an HTML part, UTF-8 throughout, with conductd's own Message-ID
 * and threading headers. Anything that could break a header line out of its field is refused
 * or cleaned here, whatever the caller checked before. Its exceptions, which end up in the
 * log, name the kind of mail, never its Message-ID: that of a member's copy is their token.
 */
public final class MimeComposer {

    static final String KIND_HEADER = "X-Conductd-Kind";

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final int MAX_DISPLAY_NAME = 200;
    // RFC 5322 field names: printable ASCII except ':'.
    private static final Pattern FIELD_NAME = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]+");
    // An id goes between angle brackets on one line, so it may hold none of these (every blank but
    // the space is a control character). On RE2, as the ids replied to are anyone's.
    private static final Pattern BAD_ID_CHARS = Pattern.compile("[ <>\\p{Cc}]");
    // Headers this class writes itself; a second copy from extraHeaders would be ambiguous or worse.
    private static final Set<String> OWN_HEADERS = Set.of("from", "sender", "to", "cc", "bcc", "reply-to",
            "subject", "date", "message-id", "in-reply-to", "references", "mime-version", "content-type",
            "content-transfer-encoding", KIND_HEADER.toLowerCase(Locale.ROOT));

    /**
     * Only used to build messages, never to send them. A Session reads its providers from the
     * class path when created, which costs more than composing a message, so one is shared.
     */
    private static final Session COMPOSING = Session.getInstance(new Properties());

    private final Clock clock;

    public MimeComposer(Clock clock) {
        this.clock = clock;
    }

    /** The message as it goes on the wire, for the outbox and for sending through any SMTP client. */
    public byte[] toBytes(OutboundMessage message) {
        MimeMessage mime = toMimeMessage(COMPOSING, message);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mime.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot write the " + message.kind().headerValue() + " message", e);
        }
    }

    /**
     * A saved MimeMessage ready for {@code Transport.send}; its Message-ID stays
     * {@code <messageId>} however often it is saved again.
     *
     * @throws IllegalArgumentException when a header value holds CR or LF, an id or header name
     *                                  is malformed, an address is invalid or there is no recipient
     */
    public MimeMessage toMimeMessage(Session session, OutboundMessage message) {
        try {
            MimeMessage mime = new FixedIdMimeMessage(session, checkedId(message.messageId()));
            mime.setFrom(address(message.from()));
            if (message.to().isEmpty()) {
                throw new IllegalArgumentException("The " + message.kind().headerValue() + " message has no recipient");
            }
            mime.setRecipients(Message.RecipientType.TO, message.to().stream()
                    .map(MimeComposer::address).toArray(InternetAddress[]::new));
            if (message.replyTo() != null) {
                mime.setReplyTo(new InternetAddress[] {address(message.replyTo())});
            }
            mime.setSubject(checkedValue("Subject", message.subject()), UTF_8);
            mime.setSentDate(Date.from(clock.instant()));
            setThreading(mime, message);
            mime.setHeader(KIND_HEADER, message.kind().headerValue());
            for (Map.Entry<String, String> header : message.extraHeaders().entrySet()) {
                setExtraHeader(mime, header.getKey(), header.getValue());
            }
            setBody(mime, message);
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot compose the " + message.kind().headerValue() + " message", e);
        }
    }

    private static void setThreading(MimeMessage mime, OutboundMessage message) throws MessagingException {
        if (message.inReplyTo() != null) {
            mime.setHeader("In-Reply-To", MessageId.bracketed(checkedId(message.inReplyTo())));
        }
        if (!message.references().isEmpty()) {
            String references = message.references().stream()
                    .map(id -> MessageId.bracketed(checkedId(id)))
                    .collect(Collectors.joining(" "));
            // setHeader writes the value as given; a long chain must be folded to stay under 998 octets a line.
            mime.setHeader("References", MimeUtility.fold("References: ".length(), references));
        }
    }

    private static void setExtraHeader(MimeMessage mime, String name, String value) throws MessagingException {
        if (name == null || !FIELD_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid header name: " + name);
        }
        if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Header " + name + " is set by the composer, not by extraHeaders");
        }
        String checked = checkedValue(name, value);
        try {
            // Thread-Topic may carry a non-ASCII subject; ASCII values pass through unchanged.
            String encoded = MimeUtility.encodeText(checked, UTF_8, null);
            mime.setHeader(name, MimeUtility.fold(name.length() + 2, encoded));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setBody(MimeMessage mime, OutboundMessage message) throws MessagingException {
        if (message.attachments().isEmpty()) {
            setReadable(mime, message);
            return;
        }
        MimeBodyPart readable = new MimeBodyPart();
        setReadable(readable, message);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(readable);
        int n = 0;
        for (Attachment a : message.attachments()) {
            n++;
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), safeType(a.contentType()))));
            file.setFileName(a.fileName() == null || a.fileName().isBlank() ? "attachment-" + n : a.fileName());
            file.setDisposition(Part.ATTACHMENT);
            mixed.addBodyPart(file);
        }
        mime.setContent(mixed);
    }

    /** The sender's content type, if it is a well-formed type/subtype; otherwise opaque bytes. */
    private static String safeType(String contentType) {
        try {
            ContentType parsed = new ContentType(contentType);
            return parsed.getBaseType();
        } catch (ParseException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static void setReadable(MimePart mime, OutboundMessage message) throws MessagingException {
        String text = message.textBody() == null ? "" : message.textBody();
        if (message.htmlBody() == null) {
            mime.setText(text, UTF_8);
            return;
        }
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.htmlBody(), UTF_8, "html");
        // Clients show the last alternative they understand, so the richer part comes last.
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        mime.setContent(alternative);
    }

    private static InternetAddress address(EmailAddress address) {
        try {
            // A name may come from a stranger's From header: a line break in it would start a new header.
            String name = HeaderText.oneLine(address.name(), MAX_DISPLAY_NAME);
            InternetAddress internet = new InternetAddress(address.address(), name.isEmpty() ? null : name, UTF_8);
            internet.validate();
            return internet;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("Invalid address: " + address.address(), e);
        }
    }

    private static String checkedId(String id) {
        if (id == null || id.isEmpty() || BAD_ID_CHARS.matcher(id).find()) {
            throw new IllegalArgumentException("Invalid message id: " + id);
        }
        return id;
    }

    private static String checkedValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("Header " + name + " has no value");
        }
        if (HeaderText.hasLineBreak(value)) {
            throw new IllegalArgumentException("Header " + name + " contains a line break");
        }
        return value;
    }
}
