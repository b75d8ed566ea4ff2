package org.conductd.mail;

/**
 * One header field as received.
 *
 * @param value the value unfolded and decoded where it could be (RFC 2047 encoded-words),
 *              for reading
 * @param raw   the value only unfolded: what a structured field such as Authentication-Results
 *              must be parsed from, since decoding first would let a sender's encoded-word
 *              inside it turn into the field's own syntax ({@code ;}, {@code =}, quotes)
 */
public record MailHeader(String name, String value, String raw) {

    /** A header whose value needed no decoding, so it reads the same raw. */
    public MailHeader(String name, String value) {
        this(name, value, value);
    }
}
