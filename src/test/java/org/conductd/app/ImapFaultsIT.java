package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.conductd.store.CaseRepository;
import org.conductd.support.Await;
import org.conductd.support.TcpProxy;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest through a proxy that cuts and silences connections, and counts what the client asks for. */
class ImapFaultsIT {

    @TempDir
    Path data;

    private static Map<String, Object> through(TcpProxy proxy, Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(more);
        p.put("conductd.imap.port", proxy.port());
        p.put("conductd.imap.timeout", "2s");
        return p;
    }

    @Test
    void cutConnectionIsReestablishedAndMailKeepsFlowing() throws Exception {
        try (TestMail mail = new TestMail(); TcpProxy proxy = new TcpProxy(mail.imapPort());
             TestConductd conductd = new TestConductd(mail, data, through(proxy, Map.of())).start()) {
            mail.send("jane@example.net", "First", "One.", Map.of());
            conductd.settle();

            proxy.cutAll();
            mail.send("sam@example.net", "Second", "Two.", Map.of());
            conductd.settle();

            assertEquals(2, conductd.bean(CaseRepository.class).count());
            assertEquals(1, mail.receivedBy("sam@example.net", "ack").size());
        }
    }

    @Test
    void connectionCutMidFetchRecoversWithinTwoPollIntervals() throws Exception {
        assertRecoversWithinTwoPollIntervals(TcpProxy::cutAll);
    }

    @Test
    void serverThatStopsAnsweringMidFetchIsTimedOutAndRecoversWithinTwoPollIntervals() throws Exception {
        assertRecoversWithinTwoPollIntervals(TcpProxy::silenceAll);
    }

    /**
     * The fault strikes as the daemon asks for the bodies of new mail. Within two poll
     * intervals of it the report is handled and flagged, and the poller goes on completing
     * syncs: no thread is left waiting on the dead connection.
     */
    private void assertRecoversWithinTwoPollIntervals(Consumer<TcpProxy> fault) throws Exception {
        Duration poll = Duration.ofSeconds(4);
        try (TestMail mail = new TestMail(); TcpProxy proxy = new TcpProxy(mail.imapPort());
             TestConductd conductd = new TestConductd(mail, data, through(proxy,
                     Map.of("conductd.poll-interval", poll.toSeconds() + "s"))).start()) {
            Daemon daemon = conductd.bean(Daemon.class);
            Await.until("the first sync", () -> daemon.completedSyncs() > 0);
            AtomicLong struck = new AtomicLong();
            proxy.beforeCommand("BODY.PEEK[]", () -> {
                struck.set(System.nanoTime());
                fault.accept(proxy);
            });

            mail.send("jane@example.net", "Report", "Text.", Map.of());
            Await.until("the fault", Duration.ofSeconds(30), () -> struck.get() != 0);
            Await.until("the report handled and flagged", poll.multipliedBy(2),
                    () -> conductd.bean(CaseRepository.class).count() == 1 && mail.inboxFlags().stream().allMatch(f -> f.contains("$ConductdProcessed")));
            long recoveredAfter = System.nanoTime() - struck.get();
            long syncs = daemon.completedSyncs();
            Await.until("another completed sync", poll.multipliedBy(2), () -> daemon.completedSyncs() > syncs);

            assertTrue(recoveredAfter < poll.multipliedBy(2).toNanos(), "recovered after " + recoveredAfter / 1_000_000 + " ms");
            assertEquals(1, mail.receivedBy("jane@example.net", "ack").size());
        }
    }

    @Test
    void idleConnectionThatGoesSilentIsBrokenOffAndSetUpAgain() throws Exception {
        try (TestMail mail = new TestMail(); TcpProxy proxy = new TcpProxy(mail.imapPort());
             TestConductd conductd = new TestConductd(mail, data, through(proxy,
                     Map.of("conductd.poll-interval", "10m", "conductd.idle-refresh", "2s"))).start()) {
            Await.until("the first sync", () -> conductd.bean(Daemon.class).completedSyncs() > 0);
            proxy.silenceIdleConnections();
            Thread.sleep(500);

            mail.send("jane@example.net", "Report", "Text.", Map.of());

            // The silent IDLE never reports the mail and the next poll is 10 minutes away: only the
            // watchdog breaking the IDLE off and setting it up again gets the mail handled.
            Await.until("an acknowledgement", Duration.ofSeconds(20),
                    () -> !mail.receivedBy("jane@example.net", "ack").isEmpty());
        }
    }

    @Test
    void serverWithoutKeywordsIsReadByLastUidAcrossRestartsWithNothingHandledTwice() throws Exception {
        try (TestMail mail = new TestMail(); TcpProxy proxy = new TcpProxy(mail.imapPort())) {
            proxy.hideKeywordSupport();
            Map<String, Object> config = through(proxy, Map.of("conductd.max-message-size", "20KB"));
            try (TestConductd conductd = new TestConductd(mail, data, config).start()) {
                mail.send("a@example.net", "First", "One.", Map.of());
                mail.send("b@example.net", "Huge", "x".repeat(30_000), Map.of());
                mail.send("c@example.net", "Third", "Three.", Map.of());
                conductd.settle();
                assertEquals(2, conductd.bean(CaseRepository.class).count());
                conductd.stop();
                mail.send("d@example.net", "Fourth", "Four.", Map.of());
                conductd.start();
                conductd.settle();

                assertEquals(3, conductd.bean(CaseRepository.class).count());
                for (String reporter : List.of("a@example.net", "c@example.net", "d@example.net")) {
                    assertEquals(1, mail.receivedBy(reporter, "ack").size(), reporter);
                }
                var flags = mail.inboxFlags();
                assertTrue(flags.stream().noneMatch(f -> f.contains("$ConductdProcessed")), "no keyword was sent");
                assertTrue(flags.get(0).contains(jakarta.mail.Flags.Flag.SEEN));
                assertTrue(flags.get(1).contains(jakarta.mail.Flags.Flag.FLAGGED), "quarantine shows as flagged");
            }
        }
    }

    @Test
    void backlogIsFetchedInBatchesNotAMessageAtATime() throws Exception {
        try (TestMail mail = new TestMail(); TcpProxy proxy = new TcpProxy(mail.imapPort())) {
            for (int i = 0; i < 40; i++) {
                mail.send("reporter" + i + "@example.net", "Report " + i, "Text " + i, Map.of());
            }
            try (TestConductd conductd = new TestConductd(mail, data, through(proxy, Map.of())).start()) {
                conductd.settle();

                assertEquals(40, conductd.bean(CaseRepository.class).count());
                List<String> fetches = proxy.commands().stream().filter(c -> c.contains("FETCH")).toList();
                assertTrue(fetches.size() <= 4, "40 messages in a handful of FETCH commands, not one each: " + fetches);
            }
        }
    }
}
