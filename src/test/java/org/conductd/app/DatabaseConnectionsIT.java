package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.Test;

/**
 * The SQLite settings in application.yml reach every pooled connection. A setting written
 * as a YAML number or boolean never reached the driver, which silently kept its default.
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
}
