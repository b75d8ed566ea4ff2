package org.conductd.mail;

/** One header field as received, with its value unfolded and decoded where it could be. */
public record MailHeader(String name, String value) {
}
