package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            mail.send("a@example.net", "First", "One.", Map.of());
            mail.send("b@example.net", "Huge", "x".repeat(30_000), Map.of());
            mail.send("c@example.net", "Third", "Three.", Map.of());
            try (TestConductd conductd = new TestConductd(mail, data, config).start()) {
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
