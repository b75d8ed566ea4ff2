package org.conductd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.conductd.app.Contexts;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration error stops start-up before anything has opened, or created, the database. */
class ConfigErrorStartupIT {

    @TempDir
    Path data;

    @Test
    void aBadValueLeavesNoDatabaseFileBehind() throws Exception {
        try (TestMail mail = new TestMail()) {
            Map<String, Object> p = TestConductd.properties(mail, data);
            p.put("conductd.poll-interval", "soon");

            ConfigException e = assertThrows(ConfigException.class, () -> Contexts.startWith(p).close());

            assertEquals("conductd.poll-interval: 'soon' is not a positive duration (e.g. 30s, 5m)", e.getMessage());
            assertFalse(Files.exists(data.resolve("conductd.db")), "no database file");
            try (var files = Files.list(data)) {
                assertEquals(0, files.count(), "nothing at all in the data folder");
            }
        }
    }

    @Test
    void aMissingKeyLeavesNoDatabaseFileBehind() throws Exception {
        try (TestMail mail = new TestMail()) {
            Map<String, Object> p = TestConductd.properties(mail, data);
            p.remove("conductd.imap.host");

            assertEquals("conductd.imap.host",
                    assertThrows(ConfigException.class, () -> Contexts.startWith(p).close()).key());
            assertFalse(Files.exists(data.resolve("conductd.db")), "no database file");
        }
    }
}
