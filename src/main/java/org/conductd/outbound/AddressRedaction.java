package org.conductd.outbound;

import com.google.re2j.Pattern;
import org.conductd.text.Addresses;

/**
 * Makes a mail server's words fit to store, log or pass on: every email address replaced by
 * "[address]", since a refusal or a bounce usually quotes the recipient, who may be an
 * anonymous reporter; and every Message-ID too, since servers quote the refused message's,
 * and that of a member's copy is their token. A Message-ID has an address's form; quoted
 * without its "@domain" its long hex runs (a token's nonce and MAC) become "[id]". The
 * patterns run on RE2, in time linear in the text, since a server's words may quote anyone's.
 */
public final class AddressRedaction {

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
        String redacted = text.indexOf('@') < 0 ? text : Addresses.IN_TEXT.matcher(text).replaceAll("[address]");
        return LONG_HEX.matcher(redacted).replaceAll("[id]");
    }
}
