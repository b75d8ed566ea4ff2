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
    private final AtomicReference<Connection> lock = new AtomicReference<>();

    @Override
    protected Map<String, Object> overrides() {
        try {
            imap = new TcpProxy(mail.imapPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The daemon waits half a second for the lock instead of ten, so the test need not hold it for long.
        return Map.of("conductd.imap.port", imap.port(),
                "datasources.default.data-source-properties.busy_timeout", "500");
    }

    @AfterEach
    void releaseTheLockAndCloseTheProxy() throws Exception {
        release();
        imap.close();
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

    @Test
    void mailQueuedAfterTheSenderMetTheLockedDatabaseGoesOutWithoutWaitingForItsNextRound() throws Exception {
        Await.until("the first sync", () -> conductd.bean(Daemon.class).completedSyncs() > 0);
        try (LogCapture log = new LogCapture()) {
            lock.set(WriteLock.take(data));
            conductd.bean(OutboxSender.class).wake();
            Await.until("the sender to meet the locked database",
                    () -> log.count(Level.WARN, "The outbox could not be read") >= 1);
        }
        release();

        mail.send(StorageFaults.REPORTERS.get(0), "Report", "Someone was rude to me at the social.", Map.of());
        conductd.settle();

        assertEquals(1, mail.receivedBy(StorageFaults.REPORTERS.get(0), "ack").size());
        for (String[] member : TestConductd.TEAM) {
            assertEquals(1, mail.receivedBy(member[1], "case-notification").size(), member[1]);
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
