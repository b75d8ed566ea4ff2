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
 * READY_FILE when the reports are in, then serves until killed.
 * Run as {@code BenchGreenMail PORT PASSWORD N READY_FILE}.
 */
public final class BenchGreenMail {

    private BenchGreenMail() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String password = args[1];
        int n = Integer.parseInt(args[2]);
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
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
