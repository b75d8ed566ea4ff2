package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.conductd.support.Await;
import org.conductd.support.HostileMail;
import org.conductd.support.PackagedDaemon;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB message reaches the packaged jar running in its own JVM with a 128 MB heap: the
 * daemon streams it to a private file in chunks, quarantines it as over max-message-size (the
 * 25 MB default), and carries on; it never holds the message in memory, or the heap would not
 * hold it. A report that is one 10 MB line then opens a case in the same heap. GreenMail runs
 * in the test JVM, which holds the messages. Run by Maven Failsafe.
 */
class OversizedMailPackagedIT {

    private static final Path JAR = Path.of("target", "conductd.jar");
    private static final long ATTACHMENT_BYTES = 150L * 1024 * 1024; // 200 MB once base64-encoded
    private static final Duration HANDLED_WITHIN = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabyteMessageIsSpooledAndQuarantinedWithin128MegabytesOfHeap() throws Exception {
        try (TestMail mail = new TestMail()) {
            Path eml = dir.resolve("big.eml");
            writeBigMessage(eml);
            String served = putInInbox(mail, eml);
            long size = Files.size(eml);

            Process conductd = startJar(mail);
            try {
                Await.until("the big message quarantined", HANDLED_WITHIN, () -> {
                    assertAlive(conductd);
                    return mail.inboxFlags().get(0).contains("$ConductdQuarantined");
                });
                mail.deliverRaw(HostileMail.tenMegabyteLine().raw());
                mail.send("jane@example.net", "Something happened", "Plain words.", java.util.Map.of());
                Await.until("a 10 MB line and a plain report acknowledged after it", Duration.ofSeconds(60), () -> {
                    assertAlive(conductd);
                    return !mail.receivedBy("hostile@example.net", "ack").isEmpty()
                            && !mail.receivedBy("jane@example.net", "ack").isEmpty();
                });
                Await.until("the team told of the quarantine", Duration.ofSeconds(30),
                        () -> !mail.receivedBy("alice@example.org", "quarantine-notice").isEmpty());
                assertAlive(conductd);
            } finally {
                conductd.destroy();
                conductd.waitFor(30, TimeUnit.SECONDS);
                conductd.destroyForcibly();
            }
            assertFalse(log().contains("OutOfMemoryError"), log());

            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/conductd.db"));
                 Statement q = db.createStatement();
                 ResultSet row = q.executeQuery("SELECT m.sha256, m.size, m.disposition, m.subject, r.bytes, r.file_name,"
                         + " (SELECT reason FROM quarantine WHERE message_row = m.id) AS reason"
                         + " FROM messages m JOIN raw_messages r ON r.message_row = m.id ORDER BY m.id")) {
                assertTrue(row.next(), "the big message is stored");
                assertEquals("QUARANTINED", row.getString("disposition"));
                assertEquals(served, row.getString("sha256"));
                assertEquals(size, row.getLong("size"));
                assertEquals("A very large attachment", row.getString("subject"), "its header was read");
                assertTrue(row.getString("reason").contains("max-message-size"), row.getString("reason"));
                assertNull(row.getBytes("bytes"), "the bytes are in the file, not in the database");
                Path spooled = dir.resolve("data/oversized").resolve(row.getString("file_name"));
                assertEquals(size, Files.size(spooled));
                assertEquals(served, sha256(spooled), "the spooled file holds the message byte for byte");
            }
        }
    }

    /**
     * A report with a 150 MB attachment, base64-encoded, written to disk as it is generated
     * from a seeded random, so it is never in memory whole.
     */
    private static void writeBigMessage(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("From: Big Sender <big@example.net>\r\n"
                    + "To: conduct@example.org\r\n"
                    + "Subject: A very large attachment\r\n"
                    + "Message-ID: <two-hundred-megabytes@example.net>\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"big\"\r\n"
                    + "\r\n"
                    + "--big\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "\r\n"
                    + "The recording is attached.\r\n"
                    + "--big\r\n"
                    + "Content-Type: application/octet-stream\r\n"
                    + "Content-Disposition: attachment; filename=\"recording.bin\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n"
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            Random random = new Random(200);
            byte[] line = new byte[57 * 1024];
            Base64.Encoder base64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < ATTACHMENT_BYTES; written += line.length) {
                random.nextBytes(line);
                out.write(base64.encode(line));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("--big--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Puts the message into the conduct inbox through GreenMail's store (an IMAP APPEND of
     * 200 MB would take a while and prove nothing), and returns the SHA-256 of the bytes the
     * server hands out for it.
     */
    private static String putInInbox(TestMail mail, Path eml) throws Exception {
        GreenMailUser user = mail.greenMail().getUserManager().getUserByEmail(TestMail.CONDUCT);
        MailFolder inbox = mail.greenMail().getManagers().getImapHostManager().getInbox(user);
        try (SharedFileInputStream in = new SharedFileInputStream(eml.toFile())) {
            inbox.appendMessage(new MimeMessage(Session.getInstance(new Properties()), in), new Flags(), new Date());
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            inbox.getMessages().get(0).getMimeMessage().writeTo(out);
        }
        String served = HexFormat.of().formatHex(sha.digest());
        assertEquals(sha256(eml), served, "GreenMail serves the message as written");
        return served;
    }

    private Process startJar(TestMail mail) throws IOException {
        PackagedDaemon.writeConfig(dir, "Jar Conf", mail.imapPort(), "", mail.smtpPort(), "");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar", JAR.toAbsolutePath().toString(), "run");
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("conductd.log").toFile())
                .start();
    }

    private void assertAlive(Process conductd) {
        assertTrue(conductd.isAlive(), () -> "conductd exited with " + conductd.exitValue() + ":\n" + log());
    }

    private String log() {
        try {
            String log = Files.readString(dir.resolve("conductd.log"), StandardCharsets.UTF_8);
            return log.length() > 20_000 ? log.substring(log.length() - 20_000) : log;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
