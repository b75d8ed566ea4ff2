package org.conductd.store;

import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes erased data unrecoverable from the SQLite file: freed space is zeroed as it is freed,
 * and compacting rewrites the file, and empties its write-ahead log, so that erased values are
 * gone from the disk rather than merely unreferenced.
 */
public final class SecureErase {

    private SecureErase() {
    }

    /** From now on this connection zeroes what it deletes, so erased values do not linger in free pages. */
    public static void zeroFreedSpace(Connection c) {
        execute(c, "PRAGMA secure_delete = ON");
    }

    /**
     * Rewrites the database without the erased data: the write-ahead log is emptied into the
     * file and truncated, the file is rebuilt by VACUUM (which cannot run inside a transaction,
     * so {@code c} must not be in one), and the log written by VACUUM is emptied too.
     */
    public static void compact(Connection c) {
        zeroFreedSpace(c);
        checkpoint(c);
        execute(c, "VACUUM");
        checkpoint(c);
    }

    private static void checkpoint(Connection c) {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (r.next() && r.getInt(1) != 0) {
                throw new IllegalStateException("personal data was erased, but the database's write-ahead log is busy "
                        + "and still holds old copies; run purge again");
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot checkpoint the write-ahead log: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new DataAccessException(sql + ": " + e.getMessage(), e);
        }
    }
}
