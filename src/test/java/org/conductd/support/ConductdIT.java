package org.conductd.support;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the end-to-end tests: a fresh GreenMail and a fresh daemon on a fresh database for every test. */
public abstract class ConductdIT {

    @TempDir
    protected Path data;
    protected TestMail mail;
    protected TestConductd conductd;

    /** Configuration keys that differ from {@link TestConductd#properties} for this test class. */
    protected Map<String, Object> overrides() {
        return Map.of();
    }

    @BeforeEach
    void startMailAndDaemon() {
        mail = new TestMail();
        conductd = new TestConductd(mail, data, overrides()).start();
    }

    @AfterEach
    void stopMailAndDaemon() {
        conductd.close();
        mail.close();
    }
}
