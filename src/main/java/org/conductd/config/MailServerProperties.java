package org.conductd.config;

import java.time.Duration;

/** What {@link ImapProperties} and {@link SmtpProperties} share: how to reach and log in to a server. */
interface MailServerProperties {

    String host();

    /** The port written, or null for the usual port of {@link #security()}. */
    Integer port();

    MailServer.Security security();

    String username();

    String password();

    Duration timeout();

    /** The server, on the port written or else the one its protocol uses with that security. */
    default MailServer server(int tlsPort, int starttlsPort, int plainPort) {
        int usual = switch (security()) {
            case TLS -> tlsPort;
            case STARTTLS -> starttlsPort;
            case NONE -> plainPort;
        };
        return new MailServer(host(), port() != null ? port() : usual, security(), username(), password(), timeout());
    }
}
