package org.conductd.outbound;

import java.util.regex.Pattern;

/**
 * Makes a mail server's words fit to store, log or pass on: every email address replaced by
 * "[address]", since a refusal or a bounce usually quotes the recipient, who may be an
 * anonymous reporter; and every Message-ID too, since servers quote the refused message's,
 * and that of a member's copy is their token. A Message-ID has an address's form; quoted
 * without its "@domain" its long hex runs (a token's nonce and MAC) become "[id]".
 */
public final class AddressRedaction {

    /**
     * An email address, quoted local part and address literal included. An unquoted local part
     * is tried only where a run of its characters starts, so a long run without "@" is read once.
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:\"[^\"\\r\\n]*\"|(?<![^\\s<>()\\[\\]\",;:@])[^\\s<>()\\[\\]\",;:@]+)"
                    + "@(?:\\[[^\\]\\s]*\\]|[^\\s<>()\\[\\]\",;:@]+)");

    /**
     * Longer than any status code or queue id a server writes; as long as a token's nonce (24)
     * or MAC (32). Only from the start of a run, so a long run is read once.
     */
    private static final Pattern LONG_HEX = Pattern.compile("(?<![0-9a-fA-F])[0-9a-fA-F]{24,}");

    private static final int MAX_RECORD_LENGTH = 500;

    private AddressRedaction() {
    }

    /** One line of at most 500 characters without any email address or Message-ID; "unknown error" for none. */
    public static String forTheRecord(String error) {
        if (error == null) {
            return "unknown error";
        }
        String oneLine = withoutAddresses(error.replaceAll("[\\r\\n]+", " ").strip());
        return oneLine.length() > MAX_RECORD_LENGTH ? oneLine.substring(0, MAX_RECORD_LENGTH) : oneLine;
    }

    /** The text with every email address and Message-ID replaced. */
    public static String withoutAddresses(String text) {
        return LONG_HEX.matcher(ADDRESS.matcher(text).replaceAll("[address]")).replaceAll("[id]");
    }
}
