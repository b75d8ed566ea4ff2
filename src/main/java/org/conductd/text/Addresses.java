package org.conductd.text;

import com.google.re2j.Pattern;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import org.conductd.mail.EmailAddress;

/**
 * Email addresses as people write them: one bare address read by Jakarta Mail's RFC 822 parser
 * in its strict mode, and the pattern that finds addresses inside free text. Both take time
 * linear in the text: the parser reads it once, and the pattern is RE2.
 */
public final class Addresses {

    /** What an unquoted local part or a domain is made of; the blanks are java.util.regex's {@code \\s}. */
    private static final String ADDRESS_CHAR = "[^[:space:]<>()\\[\\]\",;:@]";

    /**
     * An email address inside free text, quoted local part and address literal included. An
     * unquoted local part starts where a run of its characters does without saying so: the
     * leftmost match never starts inside a run, as the same address matches from the run's
     * start, and the search goes on after a match's domain, whose run it takes whole.
     */
    public static final Pattern IN_TEXT = Pattern.compile("(?:\"[^\"\\r\\n]*\"|" + ADDRESS_CHAR + "+)"
            + "@(?:\\[[^\\][:space:]]*\\]|" + ADDRESS_CHAR + "+)");

    private Addresses() {
    }

    /**
     * {@code value}, stripped, as one bare address ({@code local@domain}, no display name, no
     * angle brackets, no list); empty if it is anything else.
     */
    public static Optional<EmailAddress> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String bare = value.strip();
        try {
            InternetAddress parsed = new InternetAddress(bare, true);
            parsed.validate();
            // The parser also takes "Name <a@x>", "<a@x>" and "a@x (Name)"; what it read as the
            // address alone is then shorter than what was written.
            return bare.equals(parsed.getAddress()) ? Optional.of(EmailAddress.of(bare)) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} holds anything shaped like an email address. */
    public static boolean occurIn(String text) {
        return text.indexOf('@') >= 0 && IN_TEXT.matcher(text).find();
    }
}
