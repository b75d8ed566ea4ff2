package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.conductd.support.Await;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FatalErrorsIT {

    @TempDir
    Path data;

    @Test
    void anErrorInAnyThreadStopsTheProcess() {
        assertTrue(Daemon.isFatal(new Thread("greenmail-imap-1"), new OutOfMemoryError()));
    }

    @Test
    void anExceptionThatEndsOneOfConductdsOwnThreadsStopsTheProcess() {
        for (String name : Daemon.ESSENTIAL_THREADS) {
            assertTrue(Daemon.isFatal(new Thread(name), new IllegalStateException("boom")), name);
        }
    }

    @Test
    void anExceptionThatEndsALibraryHelperThreadIsOnlyLogged() {
        assertFalse(Daemon.isFatal(new Thread("greenmail-imap-1"), new IllegalStateException("client went away")));
    }

    @Test
    void theEssentialThreadsAreTheOnesTheRunningDaemonHas() throws Exception {
        try (TestMail mail = new TestMail(); TestConductd conductd = new TestConductd(mail, data, Map.of()).start()) {
            Await.until("the first sync", () -> conductd.bean(Daemon.class).completedSyncs() > 0);
            Await.until("every essential thread running", () -> running().containsAll(Daemon.ESSENTIAL_THREADS));
        }
    }

    private static Set<String> running() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
