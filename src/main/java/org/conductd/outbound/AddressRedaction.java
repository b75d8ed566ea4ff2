package org.conductd.outbound;

import com.google.re2j.Pattern;

/**
 * Makes a mail server's words fit to store, log or pass on: every email address replaced by
 * "[address]", since a refusal or a bounce usually quotes the recipient, who may be an
 * anonymous reporter; and every Message-ID too, since servers quote the refused message's,
 * and that of a member's copy is their token. A Message-ID has an address's form; quoted
 * without its "@domain" its long hex runs (a token's nonce and MAC) become "[id]". The
 * patterns run on RE2, in time linear in the text, since a server's words may quote anyone's.
 */
public final class AddressRedaction {

    /** What an unquoted local part or a domain is made of; the blanks are java.util.regex's {@code \\s}. */
    private static final String ADDRESS_CHAR = "[^[:space:]<>()\\[\\]\",;:@]";

    /**
     * An email address, quoted local part and address literal included. An unquoted local part
     * starts where a run of its characters does without saying so: the leftmost match never
     * starts inside a run, as the same address matches from the run's start, and the search
     * goes on after a match's domain, whose run it takes whole.
     */
    private static final Pattern ADDRESS = Pattern.compile("(?:\"[^\"\\r\\n]*\"|" + ADDRESS_CHAR + "+)"
            + "@(?:\\[[^\\][:space:]]*\\]|" + ADDRESS_CHAR + "+)");

    /**
     * Longer than any status code or queue id a server writes; as long as a token's nonce (24)
     * or MAC (32). Always a whole run: the leftmost match starts where the run does and takes it all.
     */
    private static final Pattern LONG_HEX = Pattern.compile("[0-9a-fA-F]{24,}");

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    private static final int MAX_RECORD_LENGTH = 500;

    private AddressRedaction() {
    }

    /** One line of at most 500 characters without any email address or Message-ID; "unknown error" for none. */
    public static String forTheRecord(String error) {
        if (error == null) {
            return "unknown error";
        }
        String oneLine = withoutAddresses(LINE_BREAKS.matcher(error).replaceAll(" ").strip());
        return oneLine.length() > MAX_RECORD_LENGTH ? oneLine.substring(0, MAX_RECORD_LENGTH) : oneLine;
    }

    /** The text with every email address and Message-ID replaced. */
    public static String withoutAddresses(String text) {
        String redacted = text.indexOf('@') < 0 ? text : ADDRESS.matcher(text).replaceAll("[address]");
        return LONG_HEX.matcher(redacted).replaceAll("[id]");
    }
}
