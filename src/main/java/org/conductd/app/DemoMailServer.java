package org.conductd.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.conductd.mail.MailKind;

/**
 * The demo's embedded GreenMail, SMTP and IMAP on loopback. GreenMail is a test mail server:
 * only this class names it, so that picocli's reading of {@link DemoCommand} and every other
 * command never loads it.
 */
final class DemoMailServer {

    private final GreenMail mail;

    private DemoMailServer(GreenMail mail) {
        this.mail = mail;
    }

    /** The mail server on the asked ports, or on free ones if those are taken. */
    static DemoMailServer start(int smtpPort, int imapPort) {
        try {
            return new DemoMailServer(startOn(smtpPort, imapPort));
        } catch (RuntimeException busy) {
            if (smtpPort == 0 && imapPort == 0) {
                throw busy;
            }
            System.out.println("Ports " + smtpPort + "/" + imapPort + " are taken; using free ones instead.");
            return new DemoMailServer(startOn(0, 0));
        }
    }

    private static GreenMail startOn(int smtpPort, int imapPort) {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        try {
            mail.start();
            return mail;
        } catch (RuntimeException e) {
            mail.stop();
            throw e;
        }
    }

    int smtpPort() {
        return mail.getSmtp().getPort();
    }

    int imapPort() {
        return mail.getImap().getPort();
    }

    /** A mailbox whose login is its address. */
    void addUser(String address, String password) {
        mail.setUser(address, address, password);
    }

    void stop() {
        mail.stop();
    }

    /** The acknowledgement conductd sent to {@code reporter}, or null if none came within the timeout. */
    MimeMessage awaitAcknowledgementTo(String reporter, Duration timeout) throws MessagingException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage m : mail.getReceivedMessages()) {
                boolean toReporter = Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(reporter));
                String[] kind = m.getHeader("X-Conductd-Kind");
                if (toReporter && kind != null && MailKind.ACK.headerValue().equals(kind[0])) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        return null;
    }
}
