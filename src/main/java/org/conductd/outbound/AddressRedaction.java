package org.conductd.outbound;

import java.util.regex.Pattern;

/**
 * Makes a mail server's words fit to store, log or pass on: every email address replaced by
 * "[address]", since a refusal or a bounce usually quotes the recipient, who may be an
 * anonymous reporter.
 */
public final class AddressRedaction {

    /** An email address, quoted local part and address literal included. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:\"[^\"\\r\\n]*\"|[^\\s<>()\\[\\]\",;:@]+)@(?:\\[[^\\]\\s]*\\]|[^\\s<>()\\[\\]\",;:@]+)");

    private static final int MAX_RECORD_LENGTH = 500;

    private AddressRedaction() {
    }

    /** One line of at most 500 characters without any email address; "unknown error" for none. */
    public static String forTheRecord(String error) {
        if (error == null) {
            return "unknown error";
        }
        String oneLine = withoutAddresses(error.replaceAll("[\\r\\n]+", " ").strip());
        return oneLine.length() > MAX_RECORD_LENGTH ? oneLine.substring(0, MAX_RECORD_LENGTH) : oneLine;
    }

    public static String withoutAddresses(String text) {
        return ADDRESS.matcher(text).replaceAll("[address]");
    }
}
