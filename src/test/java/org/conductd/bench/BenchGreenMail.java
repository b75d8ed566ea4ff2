package org.conductd.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The fallback IMAP server for the benchmark where Dovecot cannot run: GreenMail IMAP on
 * 127.0.0.1:PORT with the conduct user, N reports delivered through its API. Writes
 * READY_FILE when the reports are in, then serves until killed. With SMTP_PORT it also takes
 * mail for the conduct user over SMTP (the latency benchmark delivers its reports that way).
 * Run as {@code BenchGreenMail PORT PASSWORD N READY_FILE [SMTP_PORT]}.
 */
public final class BenchGreenMail {

    private BenchGreenMail() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String password = args[1];
        int n = Integer.parseInt(args[2]);
        ServerSetup imap = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = args.length > 4
                ? new GreenMail(new ServerSetup[] {imap,
                    new ServerSetup(Integer.parseInt(args[4]), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)})
                : new GreenMail(imap);
        greenMail.start();
        GreenMailUser user = greenMail.setUser(BenchReports.CONDUCT, BenchReports.CONDUCT, password);
        Session session = Session.getInstance(new Properties());
        for (int i = 1; i <= n; i++) {
            user.deliver(new MimeMessage(session, new ByteArrayInputStream(BenchReports.report(i))));
        }
        Files.writeString(Path.of(args[3]), "ready\n");
        System.out.println("greenmail imap on 127.0.0.1:" + port + " with " + n + " reports");
        Thread.currentThread().join();
    }
}
