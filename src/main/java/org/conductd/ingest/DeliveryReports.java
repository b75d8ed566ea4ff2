package org.conductd.ingest;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.conductd.mail.Attachment;
import org.conductd.mail.InboundMessage;
import org.conductd.mail.MessageId;

/**
 * Reads what a bounce reports (SPEC §4: bounces are matched to the outbound message they
 * concern): the Message-ID of the returned message, who could not be reached, the status and
 * the server's explanation, and whether delivery is only delayed. A standard report (RFC 3464)
 * is read from its parts; what old mail servers write as plain text is read from the lines
 * they are known to write. Pure: it reads the parsed message and nothing else. A bounce can
 * come from anyone, so it is read in time linear in its length: the line patterns are RE2, the
 * rest plain scans.
 */
public final class DeliveryReports {

    private static final Set<String> STATUS_PARTS = Set.of("message/delivery-status", "message/global-delivery-status");

    /** The returned message, whole or just its header (RFC 3462, RFC 6533). */
    private static final Set<String> RETURNED_PARTS = Set.of(
            "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers");

    /**
     * Delivered, relayed or expanded recipients are in a report too, but nothing went wrong for
     * them; sendmail's address verification reports "deliverable".
     */
    private static final Set<String> ACTIONS_WITHOUT_FAILURE = Set.of("delivered", "relayed", "expanded", "deliverable");

    /** Line breaks: U+0085, U+2028 and U+2029 end a line too. */
    private static final String BREAK = "[\\n\\r\\x{85}\\x{2028}\\x{2029}]";

    /**
     * Where a line starts: at the start of the text or with the break before it. The break is
     * part of the match, so a match is read from its group.
     */
    private static final String LINE_START = "(?:\\A|" + BREAK + ")";

    /** Where a line ends: with the break after it (part of the match) or at the end of the text. */
    private static final String LINE_END = "(?:\\z|" + BREAK + ")";

    /** A character of an address written alone: no blank, bracket, quote, parenthesis or "@". */
    private static final String ADDRESS_CHAR = "[^<>@\"()" + AsciiText.BLANKS + "]";

    /*
     * The patterns below read plain-text bounces, so they are RE2 and matched against
     * AsciiText.lowerCase of the text: the same indexes, ASCII case ignored.
     */

    /** A returned header quoted in the text: the last resort for the original Message-ID. */
    private static final Pattern MESSAGE_ID_LINE =
            Pattern.compile(LINE_START + "[ \\t>]*message-id:[ \\t]*(<[^<>" + AsciiText.BLANKS + "]+>)");

    /** qmail ("<user@host>:" opening a paragraph) and Postfix's plain-text bounces ("<user@host>: host said ..."). */
    private static final Pattern ANGLED_RECIPIENT_LINE = Pattern.compile(
            LINE_START + "<([^<>@" + AsciiText.BLANKS + "]+@[^<>@" + AsciiText.BLANKS + "]+)>:");

    /** Exim lists each failed address alone on an indented line. */
    private static final Pattern INDENTED_RECIPIENT_LINE = Pattern.compile(
            LINE_START + "[ \\t]{2,}(" + ADDRESS_CHAR + "+@" + ADDRESS_CHAR + "+)[ \\t]*" + LINE_END);

    /** Sendmail and smail write the address, three dots and the reason: "user@host... User unknown". */
    private static final Pattern DOTTED_RECIPIENT_LINE = Pattern.compile(
            LINE_START + "[ \\t]*<?(" + ADDRESS_CHAR + "+@" + ADDRESS_CHAR + "+?)>? ?\\.\\.\\. ");

    /** Exchange and Lotus Notes: "Did not reach the following recipient(s): user@host". */
    private static final Pattern NAMED_RECIPIENT_LINE = Pattern.compile(
            "did not reach the following recipient(?:\\(s\\)|s)?:[ \\t]*<?(" + ADDRESS_CHAR + "+@" + ADDRESS_CHAR
                    + "+?)>?[ \\t]*" + LINE_END);

    private static final List<Pattern> RECIPIENT_LINES = List.of(
            ANGLED_RECIPIENT_LINE, INDENTED_RECIPIENT_LINE, DOTTED_RECIPIENT_LINE, NAMED_RECIPIENT_LINE);

    /** Subjects of delay warnings from servers that send no Action field. */
    private static final List<String> DELAY_SUBJECTS = List.of("delay", "still being retried", "will be retried");

    private static final int MAX_DIAGNOSTIC = 300;

    public DeliveryReport read(InboundMessage bounce) {
        List<Fields> recipients = new ArrayList<>();
        List<String> returnedIds = new ArrayList<>();
        for (Attachment part : bounce.attachments()) {
            if (STATUS_PARTS.contains(part.contentType())) {
                recipients.addAll(recipientGroups(text(part)));
            } else if (RETURNED_PARTS.contains(part.contentType())) {
                List<Fields> header = fieldGroups(text(part));
                if (!header.isEmpty()) {
                    addId(returnedIds, MessageId.parseOne(header.get(0).first("Message-ID")));
                }
            }
        }
        if (recipients.isEmpty()) {
            // A report whose MIME boundary was never written arrives as one text, fields and all.
            recipients.addAll(recipientGroups(bounce.text()));
        }
        boolean delayOnly = isDelayOnly(recipients, bounce.subject());
        List<Fields> concerned = recipients.stream()
                .filter(g -> !ACTIONS_WITHOUT_FAILURE.contains(g.action()))
                .filter(g -> delayOnly || !g.action().equals("delayed"))
                .toList();
        return new DeliveryReport(originalIds(bounce, returnedIds), failedRecipients(bounce, recipients, concerned),
                status(bounce, concerned), diagnostic(bounce, concerned), delayOnly);
    }

    /**
     * Ids from the returned message; failing that, the one the bounce answers (In-Reply-To, or
     * the last of its References); failing that, a quoted header line.
     */
    private static List<String> originalIds(InboundMessage bounce, List<String> returnedIds) {
        if (!returnedIds.isEmpty()) {
            return returnedIds;
        }
        List<String> ids = new ArrayList<>();
        // The message a bounce answers, not its ancestors: those are other mail conductd sent.
        if (!bounce.inReplyTo().isEmpty()) {
            bounce.inReplyTo().forEach(id -> addId(ids, id));
            return ids;
        }
        if (!bounce.references().isEmpty()) {
            return List.of(bounce.references().get(bounce.references().size() - 1));
        }
        String text = bounce.text();
        String searched = AsciiText.lowerCase(text);
        // RE2 reads some tens of megabytes a second, String.contains far more: most texts need no search.
        if (searched.contains("message-id:")) {
            Matcher line = MESSAGE_ID_LINE.matcher(searched);
            while (line.find()) {
                String id = MessageId.parseOne(text.substring(line.start(1), line.end(1)));
                if (!id.equals(bounce.messageId())) {
                    addId(ids, id);
                }
            }
        }
        return ids;
    }

    /** The text is searched only when the report has no recipient fields at all: all delivered is not a failure. */
    private static List<String> failedRecipients(InboundMessage bounce, List<Fields> recipients, List<Fields> concerned) {
        List<String> addresses = new ArrayList<>();
        for (Fields group : concerned) {
            String address = recipientAddress(group);
            if (address != null && !addresses.contains(address)) {
                addresses.add(address);
            }
        }
        // Every recipient line holds an "@"; RE2 reads some tens of megabytes a second, indexOf far more.
        if (recipients.isEmpty() && bounce.text().indexOf('@') >= 0) {
            String text = bounce.text();
            String searched = AsciiText.lowerCase(text);
            for (Pattern line : RECIPIENT_LINES) {
                Matcher m = line.matcher(searched);
                // On from the address, not the match's end: the break that ends a match may start the next.
                for (int from = 0; m.find(from); from = m.end(1)) {
                    String address = text.substring(m.start(1), m.end(1));
                    if (!addresses.contains(address)) {
                        addresses.add(address);
                    }
                }
            }
        }
        return addresses;
    }

    /** Only a delay when every recipient's Action says so; without any Action, when the subject does. */
    private static boolean isDelayOnly(List<Fields> recipients, String subject) {
        List<String> actions = recipients.stream().map(Fields::action).filter(a -> !a.isEmpty()).toList();
        if (actions.isEmpty()) {
            return AsciiText.containsAny(subject, DELAY_SUBJECTS);
        }
        return actions.stream().allMatch("delayed"::equals);
    }

    private static String status(InboundMessage bounce, List<Fields> concerned) {
        for (Fields group : concerned) {
            String status = group.first("Status");
            if (status != null && !status.isBlank()) {
                String code = ReplyCodes.firstStatus(status);
                return code != null ? code : oneLine(status);
            }
        }
        String code = ReplyCodes.firstStatus(bounce.text());
        return code != null ? code : "";
    }

    /**
     * The Diagnostic-Code without its type ("smtp; "), else the first line of the text that
     * quotes a status or an SMTP reply, other than a Status field.
     */
    private static String diagnostic(InboundMessage bounce, List<Fields> concerned) {
        for (Fields group : concerned) {
            String diagnostic = group.first("Diagnostic-Code");
            if (diagnostic != null && !diagnostic.isBlank()) {
                return oneLine(withoutType(diagnostic));
            }
        }
        for (String line : bounce.text().split("\n")) {
            boolean quotesCode = ReplyCodes.firstStatus(line) != null || ReplyCodes.quotesReply(line);
            if (quotesCode && !line.strip().toLowerCase(Locale.ROOT).startsWith("status:")) {
                return oneLine(line);
            }
        }
        return "";
    }

    /** Original-Recipient is the address as the sender wrote it; Final-Recipient may be after forwarding. */
    private static String recipientAddress(Fields group) {
        String value = group.first("Original-Recipient");
        if (value == null || value.isBlank()) {
            value = group.first("Final-Recipient");
        }
        if (value == null) {
            return null;
        }
        String address = withoutType(value).strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1).strip();
        }
        return address.isEmpty() ? null : address;
    }

    private static List<Fields> recipientGroups(String text) {
        return fieldGroups(text).stream()
                .filter(g -> g.first("Final-Recipient") != null || g.first("Original-Recipient") != null)
                .toList();
    }

    /**
     * The groups of "Name: value" fields in a text, split at blank lines, folded lines joined.
     * A delivery-status part is a series of such groups (RFC 3464 §2.1) and Mime4j reads only
     * the one header section of a message, so the groups are read here; lines that are not
     * fields (prose around an inline report) are skipped.
     */
    static List<Fields> fieldGroups(String text) {
        List<Fields> groups = new ArrayList<>();
        Fields current = new Fields();
        String name = null;
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    groups.add(current);
                    current = new Fields();
                }
                name = null;
            } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                current.append(name, line.strip());
            } else {
                int colon = line.indexOf(':');
                boolean field = colon > 0 && isFieldName(line.substring(0, colon));
                // A later copy of a field is ignored, and so are its folded lines.
                name = field && current.add(line.substring(0, colon), line.substring(colon + 1).strip())
                        ? line.substring(0, colon) : null;
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /** The fields of one group; names compare case-insensitively, the first of a name counts. */
    static final class Fields {
        private final Map<String, String> values = new LinkedHashMap<>();

        boolean add(String name, String value) {
            return values.putIfAbsent(name.toLowerCase(Locale.ROOT), value) == null;
        }

        void append(String name, String more) {
            values.computeIfPresent(name.toLowerCase(Locale.ROOT), (k, v) -> v + " " + more);
        }

        String first(String name) {
            return values.get(name.toLowerCase(Locale.ROOT));
        }

        String action() {
            String action = first("Action");
            return action == null ? "" : firstWord(action.strip().toLowerCase(Locale.ROOT));
        }

        /** Up to the first blank or "(": "failed (permanent)" is "failed". */
        private static String firstWord(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (AsciiText.isBlank(value.charAt(i)) || value.charAt(i) == '(') {
                    return value.substring(0, i);
                }
            }
            return value;
        }

        boolean isEmpty() {
            return values.isEmpty();
        }
    }

    /** "rfc822; user@host" and "smtp; 550 ...": the value after its type. */
    private static String withoutType(String value) {
        int semicolon = value.indexOf(';');
        boolean typed = semicolon > 0 && isToken(value.substring(0, semicolon).strip());
        return typed ? value.substring(semicolon + 1) : value;
    }

    /** A field's name: a letter, then letters, digits and hyphens. */
    private static boolean isFieldName(String name) {
        return isToken(name) && AsciiText.isLetter(name.charAt(0));
    }

    /** One or more letters, digits and hyphens, as a field's name or a value's type is written. */
    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!AsciiText.isLetter(c) && !AsciiText.isDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Each run of blanks one space, cut to {@value #MAX_DIAGNOSTIC} characters. */
    private static String oneLine(String text) {
        StringBuilder joined = new StringBuilder(text.length());
        boolean afterBlank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!AsciiText.isBlank(c)) {
                joined.append(c);
            } else if (!afterBlank) {
                joined.append(' ');
            }
            afterBlank = AsciiText.isBlank(c);
        }
        String line = joined.toString().strip();
        return line.length() > MAX_DIAGNOSTIC ? line.substring(0, MAX_DIAGNOSTIC) : line;
    }

    private static void addId(List<String> ids, String id) {
        if (id != null && !ids.contains(id)) {
            ids.add(id);
        }
    }

    private static String text(Attachment part) {
        return new String(part.content(), StandardCharsets.UTF_8);
    }
}
