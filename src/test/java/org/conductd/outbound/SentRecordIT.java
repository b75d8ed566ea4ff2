package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.OutboxState;
import org.conductd.support.Await;
import org.conductd.support.LogCapture;
import org.conductd.support.ScriptedSmtpServer;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.conductd.support.WriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMTP server has taken a message, and another program holds the database's write lock,
 * so the sender cannot record it as sent (SPEC §4). A short lock is waited out and the message
 * goes out once; a lock that outlasts the sender's tries leaves the message pending, and it
 * goes out once more, with the same Message-ID, the one duplicate SPEC §4 allows.
 */
class SentRecordIT {

    private static final String REPORTER = "jane@example.net";

    @TempDir
    Path data;
    private TestMail mail;
    private ScriptedSmtpServer smtp;
    private TestConductd conductd;
    private final AtomicReference<Connection> lock = new AtomicReference<>();

    @BeforeEach
    void startServers() {
        mail = new TestMail();
        smtp = new ScriptedSmtpServer();
        // The acknowledgement is the first message sent: the lock is taken as the server accepts it.
        smtp.beforeAcceptReply(message -> {
            if (message.recipients().contains(REPORTER) && smtp.acceptedFor(REPORTER).size() == 1) {
                lock.set(WriteLock.take(data));
            }
        });
        // The daemon waits half a second for the lock instead of ten, so the test need not hold it for long.
        conductd = new TestConductd(mail, data, Map.of("conductd.smtp.port", smtp.port(),
                "datasources.default.data-source-properties.busy_timeout", "500")).start();
    }

    @AfterEach
    void stopEverything() throws SQLException {
        release();
        conductd.close();
        smtp.close();
        mail.close();
    }

    @Test
    void aSentMessageIsRecordedOnceTheLockIsLetGoAndIsNotSentAgain() throws Exception {
        mail.send(REPORTER, "Report", "Someone was rude to me at the social.", Map.of());
        Await.until("the acknowledgement to reach the server", () -> lock.get() != null);
        // Longer than two of the sender's tries to record it, shorter than all five.
        Thread.sleep(1_500);
        release();

        awaitEmptyOutbox();

        assertEquals(1, smtp.acceptedFor(REPORTER).size(), "the acknowledgement went out once");
        for (String[] member : TestConductd.TEAM) {
            assertEquals(1, smtp.acceptedFor(member[1]).size(), member[1]);
        }
        OutboxItem ack = acknowledgement();
        assertEquals(OutboxState.SENT, ack.state());
        assertEquals(1, ack.attempts());
    }

    @Test
    void aSentMessageThatCouldNotBeRecordedIsRecordedLaterAndNotSentAgain() throws Exception {
        try (LogCapture log = new LogCapture()) {
            mail.send(REPORTER, "Report", "Someone was rude to me at the social.", Map.of());
            Await.until("the sender to give up recording the acknowledgement",
                    () -> log.count(Level.ERROR, "could not be recorded as sent") >= 1);
            // Rounds go on while the lock is held: each mailbox sync wakes the sender.
            mail.send("sam@example.net", "Another report", "Text.", Map.of());
            Thread.sleep(1_500);
            release();

            awaitOutboxDrained(2);
            assertEquals(1, log.count(Level.ERROR, "could not be recorded as sent"), "reported once, not every round");
        }

        List<ScriptedSmtpServer.Accepted> acks = smtp.acceptedFor(REPORTER);
        assertEquals(1, acks.size(), "accepted once: in the same process it is only recorded later");
        assertEquals(acknowledgement().messageId(), messageId(acks.get(0)).replaceAll("^<|>$", ""));
        assertEquals(OutboxState.SENT, acknowledgement().state());
        assertEquals(1, smtp.acceptedFor("sam@example.net").size());
    }

    private void awaitEmptyOutbox() {
        awaitOutboxDrained(1);
    }

    private void awaitOutboxDrained(int reports) {
        OutboxRepository outbox = conductd.bean(OutboxRepository.class);
        Await.until("the outbox to drain", () -> outbox.count() == reports * (1 + TestConductd.TEAM.size())
                && outbox.countByState(OutboxState.PENDING) == 0);
    }

    private OutboxItem acknowledgement() {
        return StreamSupport.stream(conductd.bean(OutboxRepository.class).findAll().spliterator(), false)
                .filter(item -> item.recipient().equals(REPORTER)).findFirst().orElseThrow();
    }

    private static String messageId(ScriptedSmtpServer.Accepted accepted) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(accepted.data().getBytes(StandardCharsets.UTF_8))).getMessageID();
    }

    private void release() throws SQLException {
        Connection c = lock.getAndSet(null);
        if (c != null) {
            c.close();
        }
    }
}
