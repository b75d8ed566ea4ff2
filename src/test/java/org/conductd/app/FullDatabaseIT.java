package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.conductd.support.Await;
import org.conductd.support.ConductdIT;
import org.conductd.support.LogCapture;
import org.junit.jupiter.api.Test;

/**
 * The database cannot grow (SPEC §4): the daemon's connections may not take the file past
 * {@value #MAX_PAGES} pages, and the test fills it up to there from a connection of its own,
 * so the daemon's writes fail with a real SQLITE_FULL. Freeing the space (dropping the
 * filler) is the condition clearing, as when a full disk gets room again.
 */
class FullDatabaseIT extends ConductdIT {

    private static final int MAX_PAGES = 600;
    @Override
    protected Map<String, Object> overrides() {
        return Map.of("datasources.default.data-source-properties.max_page_count", Integer.toString(MAX_PAGES));
    }

    @Test
    void reportsArrivingWhileTheDatabaseIsFullAreNeitherMarkedNorQuarantined() throws Exception {
        try (LogCapture log = new LogCapture(); Connection db = fillUp()) {
            StorageFaults.sendReports(mail);
            conductd.bean(Daemon.class).wake();

            Await.until("two syncs that met the full database", () -> log.count(Level.WARN, "SQLITE_FULL") >= 2);

            StorageFaults.assertNothingMarked(mail);
            assertEquals(0, count(db, "cases"));
            assertEquals(0, count(db, "messages"));
            assertEquals(0, count(db, "quarantine"));
            assertEquals(0, count(db, "outbox"));
            assertFalse(log.lines(Level.WARN).stream().anyMatch(l -> l.contains("quarantining")), log.lines(Level.WARN).toString());
        }
    }

    @Test
    void reportsThatWaitedForRoomAreHandledOnceEachWhenThereIsRoomAgain() throws Exception {
        try (LogCapture log = new LogCapture()) {
            try (Connection db = fillUp()) {
                StorageFaults.sendReports(mail);
                conductd.bean(Daemon.class).wake();
                Await.until("two syncs that met the full database", () -> log.count(Level.WARN, "SQLITE_FULL") >= 2);

                try (Statement s = db.createStatement()) {
                    s.executeUpdate("DROP TABLE filler");
                }
            }

            conductd.settle();

            StorageFaults.assertEachReportHandledOnce(conductd, mail);
            assertEquals(List.of(), log.lines(Level.WARN).stream().filter(l -> !l.contains("SQLITE_FULL")).toList(),
                    "every warning names the full database");
        }
    }

    /**
     * A connection without the daemon's page limit that grows the database to the limit with
     * a filler table, leaving no free page: the daemon's next write that needs a page fails.
     */
    private Connection fillUp() throws SQLException {
        Await.until("the first sync", () -> conductd.bean(Daemon.class).completedSyncs() > 0);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db") + "?busy_timeout=10000");
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE filler (b BLOB)");
            while (pragma(c, "page_count") < MAX_PAGES) {
                s.executeUpdate("INSERT INTO filler VALUES (zeroblob(64 * 1024))");
            }
            assertEquals(0, pragma(c, "freelist_count"), "no free page is left");
        }
        return c;
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
