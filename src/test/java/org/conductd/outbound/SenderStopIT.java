package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.OutboxState;
import org.conductd.support.LogCapture;
import org.conductd.support.ScriptedSmtpServer;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conductd is stopped while the SMTP server is taking a message. The sender finishes that
 * message, records it as sent and stops before the next one: interrupted at once, it could
 * not get a database connection to record it, and the message would go out again after the
 * restart (SPEC §4).
 */
class SenderStopIT {

    private static final String REPORTER = "jane@example.net";

    @TempDir
    Path data;
    private TestMail mail;
    private ScriptedSmtpServer smtp;
    private TestConductd conductd;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    @BeforeEach
    void startServers() {
        mail = new TestMail();
        smtp = new ScriptedSmtpServer();
        smtp.beforeAcceptReply(message -> {
            if (message.recipients().contains(REPORTER) && !stopped.isDone()) {
                OutboxSender sender = conductd.bean(OutboxSender.class);
                new Thread(() -> {
                    sender.close();
                    stopped.complete(null);
                }, "stopping-the-sender").start();
                // The sender is told to stop while it waits for the server's answer.
                sleep(300);
            }
        });
        conductd = new TestConductd(mail, data, Map.of("conductd.smtp.port", smtp.port())).start();
    }

    @AfterEach
    void stopEverything() {
        conductd.close();
        smtp.close();
        mail.close();
    }

    @Test
    void theMessageTheServerIsTakingIsRecordedBeforeTheSenderStops() throws Exception {
        try (LogCapture log = new LogCapture()) {
            mail.send(REPORTER, "Report", "Someone was rude to me at the social.", Map.of());
            stopped.get(60, TimeUnit.SECONDS);

            assertEquals(List.of(), log.lines(Level.ERROR));
        }
        List<OutboxItem> outbox = StreamSupport.stream(conductd.bean(OutboxRepository.class).findAll().spliterator(), false)
                .toList();
        OutboxItem ack = outbox.stream().filter(item -> item.recipient().equals(REPORTER)).findFirst().orElseThrow();
        assertEquals(OutboxState.SENT, ack.state(), "the acknowledgement the server took is recorded as sent");
        assertEquals(1, smtp.acceptedFor(REPORTER).size());
        assertTrue(outbox.stream().filter(item -> item != ack).allMatch(item -> item.state() == OutboxState.PENDING),
                "the round stopped before the next message: " + outbox);
        assertEquals(1 + TestConductd.TEAM.size(), outbox.size());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
