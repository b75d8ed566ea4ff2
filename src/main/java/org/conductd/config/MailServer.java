package org.conductd.config;

import java.time.Duration;

/** How to reach an IMAP or SMTP server. */
public record MailServer(
        String host,
        int port,
        Security security,
        String username,
        String password,
        Duration timeout) {

    public enum Security { TLS, STARTTLS, NONE }

    @Override
    public String toString() {
        // Never print the password.
        return "MailServer[" + host + ":" + port + " " + security + " user=" + username + "]";
    }
}
