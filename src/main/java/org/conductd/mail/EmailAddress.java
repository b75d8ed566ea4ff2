package org.conductd.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * A mailbox: an optional display name and an address. Addresses compare case-insensitively
 * (the local part is case-sensitive by RFC 5321, but no real provider treats it so, and
 * treating {@code Alice@x} and {@code alice@x} as two people would split a case).
 */
public record EmailAddress(String name, String address) {

    public EmailAddress {
        Objects.requireNonNull(address, "address");
        address = address.trim().toLowerCase(Locale.ROOT);
        name = name == null || name.isBlank() ? null : name.strip();
    }

    public static EmailAddress of(String address) {
        return new EmailAddress(null, address);
    }

    /** The local part, for checks such as "is this a mailer-daemon". */
    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }

    public boolean sameAddress(EmailAddress other) {
        return other != null && address.equals(other.address);
    }

    @Override
    public String toString() {
        return name == null ? address : name + " <" + address + ">";
    }
}
