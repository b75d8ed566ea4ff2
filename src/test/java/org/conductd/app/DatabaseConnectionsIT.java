package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * The SQLite settings in application.yml reach every pooled connection. A setting written
 * as a YAML number or boolean never reached the driver, which silently kept its default. And a
 * read never waits for a writer: the outbox records its sends while the intake writes.
 */
class DatabaseConnectionsIT extends ConductdIT {

    @SuppressWarnings("unchecked")
    String pragma(String name) {
        ConnectionOperations<Connection> connections = conductd.bean(ConnectionOperations.class);
        return connections.executeRead(status -> {
            try (Statement s = status.getConnection().createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
                r.next();
                return r.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void deletedContentIsOverwrittenWithZeros() {
        assertEquals("1", pragma("secure_delete"));
    }

    @Test
    void foreignKeysAreEnforced() {
        assertEquals("1", pragma("foreign_keys"));
    }

    @Test
    void writersWaitTenSecondsForALock() {
        assertEquals("10000", pragma("busy_timeout"));
    }

    @Test
    void theLogIsWriteAheadAndCommitsAreSynchronousInFull() {
        assertEquals("wal", pragma("journal_mode"));
        assertEquals("2", pragma("synchronous"));
    }

    @Test
    void writesTakeTheWriteLockAtOnceAndReadsDoNot() {
        for (int round = 0; round < 3; round++) {
            assertEquals(TransactionMode.DEFERRED, tx().executeRead(status -> mode(status.getConnection())));
            assertEquals(TransactionMode.IMMEDIATE, tx().executeWrite(status -> mode(status.getConnection())));
        }
    }

    /**
     * More reads than the pool has connections, while a writer holds the write lock and lets go
     * only once they are all done: each read begun with the write lock would wait for it, the
     * writer for them, until the busy timeout or the pool's wait failed them all.
     */
    @Test
    void readsCompleteWhileAWriterHoldsTheLock() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch readsDone = new CountDownLatch(1);
        CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> tx().executeWrite(status -> {
            execute(status.getConnection(), "UPDATE mailbox_state SET last_uid = last_uid WHERE 0");
            writing.countDown();
            try {
                return readsDone.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertTrue(writing.await(30, TimeUnit.SECONDS), "the writer began");
        ExecutorService readers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                reads.add(readers.submit(() -> tx().executeRead(status -> count(status.getConnection()))));
            }
            for (Future<Integer> read : reads) {
                assertEquals(0, read.get(60, TimeUnit.SECONDS));
            }
        } finally {
            readsDone.countDown();
            readers.shutdownNow();
        }
        assertTrue(writer.get(60, TimeUnit.SECONDS), "the writer held its lock until every read was done");
        assertEquals(TransactionMode.IMMEDIATE, tx().executeWrite(status -> mode(status.getConnection())));
    }

    @SuppressWarnings("unchecked")
    private TransactionOperations<Connection> tx() {
        return conductd.bean(TransactionOperations.class);
    }

    private static TransactionMode mode(Connection connection) {
        try {
            return connection.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(Connection connection) {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM cases WHERE id < 0")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
