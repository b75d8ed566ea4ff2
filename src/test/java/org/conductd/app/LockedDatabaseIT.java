package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.conductd.outbound.OutboxSender;
import org.conductd.support.Await;
import org.conductd.support.ConductdIT;
import org.conductd.support.LogCapture;
import org.conductd.support.TcpProxy;
import org.conductd.support.TestConductd;
import org.conductd.support.WriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Another program holds the database's write lock for longer than conductd waits for it
 * (SPEC §4), so the daemon's transactions really fail with SQLITE_BUSY. A locked database is
 * not the fault of the mail: nothing is marked on the server or quarantined, and when the
 * lock is let go the reports are handled, once each, and the daemon carries on as before.
 */
class LockedDatabaseIT extends ConductdIT {

    private TcpProxy imap;
    private TcpProxy smtp;
    private final AtomicReference<Connection> lock = new AtomicReference<>();

    @Override
    protected Map<String, Object> overrides() {
        try {
            imap = new TcpProxy(mail.imapPort());
            smtp = new TcpProxy(mail.smtpPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The daemon waits half a second for the lock instead of ten, so the test need not hold it for long.
        return Map.of("conductd.imap.port", imap.port(), "conductd.smtp.port", smtp.port(),
                "datasources.default.data-source-properties.busy_timeout", "500");
    }

    @AfterEach
    void releaseTheLockAndCloseTheProxy() throws Exception {
        release();
        imap.close();
        smtp.close();
    }

    @Test
    void reportsArrivingWhileTheDatabaseIsLockedAreNeitherMarkedNorQuarantined() throws Exception {
        try (LogCapture log = new LogCapture()) {
            lockWhenTheDaemonFetchesBodies();
            sendReports();

            Await.until("two syncs that met the locked database", () -> log.count(Level.WARN, "SQLITE_BUSY") >= 2);

            StorageFaults.assertNothingMarked(mail);
            assertEquals(0, count("cases"));
            assertEquals(0, count("messages"));
            assertEquals(0, count("quarantine"));
            assertFalse(log.lines(Level.WARN).stream().anyMatch(l -> l.contains("quarantining")),
                    "a locked database is not the message's fault: " + log.lines(Level.WARN));
        }
    }

    @Test
    void reportsThatWaitedForALockedDatabaseAreHandledOnceEachWhenItIsReleased() throws Exception {
        try (LogCapture log = new LogCapture()) {
            lockWhenTheDaemonFetchesBodies();
            sendReports();
            Await.until("two syncs that met the locked database", () -> log.count(Level.WARN, "SQLITE_BUSY") >= 2);

            release();
            conductd.settle();

            StorageFaults.assertEachReportHandledOnce(conductd, mail);
            // A connection whose BEGIN failed must not go on failing, or committing piecemeal, once the lock is free.
            assertEquals(List.of(), log.lines(Level.WARN).stream().filter(l -> !l.contains("SQLITE_BUSY")).toList(),
                    "every warning is about the lock itself");
        }
    }

    /**
     * The lock is taken while the server accepts the sender's first message, so the sender cannot
     * record it. Once the lock is let go, mail queued afterwards goes out at once, and the message
     * the server already has is recorded, not sent again.
     */
    @Test
    void mailQueuedAfterTheSenderMetTheLockedDatabaseGoesOutWithoutWaitingForItsNextRound() throws Exception {
        Await.until("the first sync", () -> conductd.bean(Daemon.class).completedSyncs() > 0);
        smtp.beforeCommand("DATA", () -> lock.set(WriteLock.take(data)));
        try (LogCapture log = new LogCapture()) {
            mail.send(StorageFaults.REPORTERS.get(0), "Report", "Someone was rude to me at the social.", Map.of());
            conductd.bean(Daemon.class).wake();
            Await.until("the sender to meet the locked database",
                    () -> log.count(Level.ERROR, "could not be recorded as sent") >= 1);
        }
        release();

        mail.send(StorageFaults.REPORTERS.get(1), "Report", "Someone shouted at me in the hallway.", Map.of());
        conductd.settle();

        for (String reporter : StorageFaults.REPORTERS.subList(0, 2)) {
            assertEquals(1, mail.receivedBy(reporter, "ack").size(), reporter);
        }
        for (String[] member : TestConductd.TEAM) {
            assertEquals(2, mail.receivedBy(member[1], "case-notification").size(), member[1]);
        }
    }

    /** While another program holds the write lock the outbox is still read: a read waits for no writer. */
    @Test
    void theOutboxIsReadWhileAnotherProgramHoldsTheWriteLock() throws Exception {
        Await.until("the first sync", () -> conductd.bean(Daemon.class).completedSyncs() > 0);
        lock.set(WriteLock.take(data));
        try (LogCapture log = new LogCapture()) {
            OutboxSender sender = conductd.bean(OutboxSender.class);
            assertEquals(0, sender.drainOnce());
            assertEquals(List.of(), log.lines(Level.WARN));
        }
    }

    private void sendReports() {
        StorageFaults.sendReports(mail);
        conductd.bean(Daemon.class).wake();
    }

    /** The lock is taken when the daemon asks for the bodies of new mail: after its reads, before it stores anything. */
    private void lockWhenTheDaemonFetchesBodies() {
        imap.beforeCommand("BODY.PEEK[]", () -> lock.set(WriteLock.take(data)));
    }

    private void release() throws SQLException {
        Connection c = lock.getAndSet(null);
        if (c != null) {
            c.close();
        }
    }

    /** Rows in a table, read beside the lock (a reader does not need it). */
    private long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db"));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
