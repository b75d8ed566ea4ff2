package org.conductd.outbound;

import jakarta.mail.MessagingException;
import org.conductd.config.MailServer;

/**
 * Whether the SMTP server answers, says EHLO and accepts conductd's login (when one is
 * configured), with the sender's own security and timeouts. Sends nothing.
 */
public final class SmtpProbe {

    private SmtpProbe() {
    }

    /** Returns normally if the server accepted the connection (and login); otherwise throws what went wrong. */
    public static void connect(MailServer smtp, String envelopeFrom) throws MessagingException {
        SmtpClient.probe(smtp, envelopeFrom);
    }
}
