package org.conductd.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-ID handling: ids are kept without angle brackets and compared as written,
 * except that the domain part is case-insensitive.
 */
public final class MessageId {

    // No blanks, brackets or control characters: an id must fit between angle brackets on one header line.
    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s\\p{Cc}]+)>");
    private static final Pattern BARE = Pattern.compile("[^<>\\s\\p{Cc}]+");

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
        return BARE.matcher(bare).matches() ? normalise(bare) : null;
    }

    /** Every bracketed id in a References or In-Reply-To header value, in order. */
    public static List<String> parseAll(String headerValue) {
        List<String> ids = new ArrayList<>();
        if (headerValue == null) {
            return ids;
        }
        Matcher m = BRACKETED.matcher(headerValue);
        while (m.find()) {
            ids.add(normalise(m.group(1)));
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
}
