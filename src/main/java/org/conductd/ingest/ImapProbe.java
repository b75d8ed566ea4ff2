package org.conductd.ingest;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.Properties;
import org.conductd.config.MailServer;

/**
 * Whether the IMAP server answers and accepts conductd's login: one connect and login with
 * the configured security and timeouts, then logout. Reads no mail and changes nothing.
 */
public final class ImapProbe {

    private ImapProbe() {
    }

    /** Returns normally if the server accepted the login; otherwise throws what went wrong. */
    public static void login(MailServer server) throws MessagingException {
        Store store = MailSessions.imap(server, new Properties()).getStore(MailSessions.imapProtocol(server));
        try {
            store.connect(server.host(), server.port(), server.username(), server.password());
        } finally {
            store.close();
        }
    }
}
