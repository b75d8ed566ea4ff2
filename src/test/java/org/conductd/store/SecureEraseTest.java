package org.conductd.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureEraseTest {

    private static final String SECRET = "reporter-name-that-must-not-survive";

    @TempDir
    Path dir;

    @Test
    void aConnectionZeroesFreedSpaceOnceAsked() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("z.db"));
             Statement s = c.createStatement()) {
            SecureErase.zeroFreedSpace(c);
            try (ResultSet r = s.executeQuery("PRAGMA secure_delete")) {
                r.next();
                assertEquals(1, r.getInt(1));
            }
        }
    }

    @Test
    void compactingLeavesNoErasedValueInTheFileOrItsLog() throws Exception {
        Path db = dir.resolve("c.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
            for (int i = 0; i < 50; i++) {
                s.execute("INSERT INTO notes (text) VALUES ('" + SECRET + i + "')");
            }
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("UPDATE notes SET text = NULL");

            SecureErase.compact(c);
        }
        assertFalse(contains(db, SECRET), "the database file still holds an erased value");
        Path wal = dir.resolve("c.db-wal");
        assertFalse(Files.exists(wal) && contains(wal, SECRET), "the write-ahead log still holds an erased value");
    }

    private static boolean contains(Path file, String text) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    }
}
