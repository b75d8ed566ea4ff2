package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.OutboxState;
import org.conductd.support.Await;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDLE wakes the daemon early, and an SMTP outage is waited out (SPEC §4). */
class MailServerOutagesIT {

    @TempDir
    Path data;

    @Test
    void idleWakesTheDaemonLongBeforeThePollInterval() {
        try (TestMail mail = new TestMail();
             TestConductd conductd = new TestConductd(mail, data, Map.of("conductd.poll-interval", "10m")).start()) {
            Await.until("the first sync", () -> conductd.bean(Daemon.class).completedSyncs() > 0);
            sleep(500); // let the IDLE connection settle in

            mail.send("jane@example.net", "Report", "Text", Map.of());

            Await.until("an acknowledgement well within the 10 minute poll interval", Duration.ofSeconds(15),
                    () -> !mail.receivedBy("jane@example.net", "ack").isEmpty());
        }
    }

    @Test
    void mailQueuedWhileTheSmtpServerIsDownIsDeliveredWhenItComesBack() throws Exception {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        try (TestMail mail = new TestMail();
             TestConductd conductd = new TestConductd(mail, data, Map.of("conductd.smtp.port", smtpPort)).start()) {
            mail.send("jane@example.net", "Report", "Text", Map.of());
            OutboxRepository outbox = conductd.bean(OutboxRepository.class);
            Await.until("a failed first attempt", () -> outbox.findAll().iterator().hasNext()
                    && java.util.stream.StreamSupport.stream(outbox.findAll().spliterator(), false)
                            .allMatch(o -> o.attempts() >= 1 && o.state() == OutboxState.PENDING));
            OutboxItem failed = outbox.findAll().iterator().next();
            assertTrue(failed.lastError() != null && failed.nextAttemptAt().isAfter(failed.createdAt()),
                    "the failure is recorded and a later attempt is scheduled");

            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.setUser(TestMail.CONDUCT, TestMail.CONDUCT, TestMail.CONDUCT_PASSWORD);
            smtp.start();
            try {
                try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db"));
                     var due = db.createStatement()) {
                    due.executeUpdate("UPDATE outbox SET next_attempt_at = 0");
                }
                conductd.bean(org.conductd.outbound.OutboxSender.class).wake();
                Await.until("the outbox to drain", () -> outbox.countByState(OutboxState.PENDING) == 0);
                assertEquals(4, smtp.getReceivedMessages().length, "the acknowledgement and three notifications");
                assertEquals(0, outbox.countByState(OutboxState.FAILED));
            } finally {
                smtp.stop();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
