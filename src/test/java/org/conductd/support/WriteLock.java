package org.conductd.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Another program holding the write lock on the daemon's database, as a backup tool or a stuck process would. */
public final class WriteLock {

    private WriteLock() {
    }

    /** A second connection to {@code dataDir/conductd.db} that takes the write lock and keeps it until closed. */
    public static Connection take(Path dataDir) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("conductd.db")
                    + "?busy_timeout=10000&transaction_mode=EXCLUSIVE");
            c.setAutoCommit(false); // BEGIN EXCLUSIVE
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE mailbox_state SET last_uid = last_uid");
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
