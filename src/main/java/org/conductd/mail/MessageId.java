package org.conductd.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Message-ID handling: ids are kept without angle brackets and compared as written,
 * except that the domain part is case-insensitive. Header values are read with a plain scan,
 * in time linear in the value, since anyone can write them.
 */
public final class MessageId {

    private MessageId() {
    }

    /** The id from a Message-ID header value, without brackets, or null if there is none. */
    public static String parseOne(String headerValue) {
        List<String> all = parseAll(headerValue);
        if (!all.isEmpty()) {
            return all.get(0);
        }
        if (headerValue == null) {
            return null;
        }
        String bare = headerValue.strip();
        // A header cut short ("<abc@ex") holds no id; kept, it could not be written into the
        // acknowledgement's In-Reply-To, and the report would fail to open a case.
        return !bare.isEmpty() && idEnd(bare, 0) == bare.length() ? normalise(bare) : null;
    }

    /** Every bracketed id in a References or In-Reply-To header value, in order. */
    public static List<String> parseAll(String headerValue) {
        List<String> ids = new ArrayList<>();
        if (headerValue == null) {
            return ids;
        }
        int open = headerValue.indexOf('<');
        while (open >= 0) {
            int end = idEnd(headerValue, open + 1);
            boolean closed = end > open + 1 && end < headerValue.length() && headerValue.charAt(end) == '>';
            if (closed) {
                ids.add(normalise(headerValue.substring(open + 1, end)));
            }
            open = headerValue.indexOf('<', end);
        }
        return ids;
    }

    /** Lower-cases the domain part so that ids compare as mail servers compare them. */
    public static String normalise(String id) {
        int at = id.lastIndexOf('@');
        return at < 0 ? id : id.substring(0, at + 1) + id.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public static String bracketed(String id) {
        return "<" + id + ">";
    }

    /** Where the id characters from {@code start} end. */
    private static int idEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isIdCharacter(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * No blanks, brackets or control characters: an id must fit between angle brackets on one
     * header line (tabs and line breaks are control characters).
     */
    private static boolean isIdCharacter(char c) {
        return c != '<' && c != '>' && c != ' ' && !Character.isISOControl(c);
    }
}
