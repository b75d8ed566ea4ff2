package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRepository;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestConductd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a reporter is acknowledged depends on when the report reached the mailbox, never
 * on the {@code Date:} the sender's clock wrote: old mail is mail that was waiting before
 * conductd first read the mailbox, or that arrived days before conductd read it.
 */
class AcknowledgementTimingIT extends ConductdIT {

    @TempDir
    Path freshData;

    private static String report(String from, Instant dated) {
        return """
                From: Reporter <%s>
                To: conduct@example.org
                Subject: Report
                Message-ID: <%s@example.net>
                Date: %s

                Someone kept following me around the venue.
                """.formatted(from, from.replace('@', '.') + "-" + dated.toEpochMilli(),
                DateTimeFormatter.RFC_1123_DATE_TIME.format(dated.atOffset(ZoneOffset.UTC)));
    }

    private List<String> notAcknowledged(TestConductd daemon, long caseId) {
        return daemon.bean(EventRepository.class).findByCaseIdOrderById(caseId).stream()
                .filter(e -> e.kind() == EventKind.NOT_ACKNOWLEDGED).map(CaseEvent::detail).toList();
    }

    @Test
    void reportWhoseDateIsTenDaysBackButArrivesNowIsAcknowledged() {
        mail.deliverRaw(report("late@example.net", Instant.now().minus(Duration.ofDays(10))));
        conductd.settle();

        assertEquals(1, mail.receivedBy("late@example.net", "ack").size());
        assertEquals(List.of(), notAcknowledged(conductd, 1));
    }

    @Test
    void reportDatedDaysAheadIsAcknowledged() {
        mail.deliverRaw(report("ahead@example.net", Instant.now().plus(Duration.ofDays(40))));
        conductd.settle();

        assertEquals(1, mail.receivedBy("ahead@example.net", "ack").size());
    }

    @Test
    void reportThatReachedTheMailboxDaysBeforeConductdReadItIsFiledButNotAcknowledged() {
        Instant now = Instant.now();
        mail.deliverRaw(report("archived@example.net", now), now.minus(Duration.ofDays(5)));
        conductd.settle();

        assertEquals(0, mail.receivedBy("archived@example.net", "ack").size());
        assertEquals(1, conductd.bean(CaseRepository.class).count());
        assertEquals(1, mail.receivedBy("alice@example.org", "case-notification").size(), "the team still sees it");
        List<String> why = notAcknowledged(conductd, 1);
        assertEquals(1, why.size());
        assertTrue(why.get(0).contains("reached the mailbox"), why.get(0));
    }

    @Test
    void mailWaitingBeforeTheFirstSyncIsFiledButNotAcknowledgedAndLaterMailIs() {
        conductd.stop();
        mail.deliverRaw(report("waiting@example.net", Instant.now()));
        mail.deliverRaw(report("waiting-too@example.net", Instant.now()));

        try (TestConductd firstRun = new TestConductd(mail, freshData).start()) {
            firstRun.settle();
            assertEquals(2, firstRun.bean(CaseRepository.class).count());
            assertEquals(0, mail.receivedBy("waiting@example.net", "ack").size());
            assertEquals(0, mail.receivedBy("waiting-too@example.net", "ack").size());
            assertEquals(2, mail.receivedBy("bob@example.org", "case-notification").size(), "the team still sees both");
            assertTrue(notAcknowledged(firstRun, 1).get(0).contains("already in the mailbox"));

            mail.deliverRaw(report("new@example.net", Instant.now()));
            firstRun.settle();
            assertEquals(1, mail.receivedBy("new@example.net", "ack").size());
        }
    }

    @Test
    void mailArrivingWhileTheDaemonIsStoppedIsAcknowledgedAfterTheRestart() {
        conductd.stop();
        mail.deliverRaw(report("meanwhile@example.net", Instant.now()));
        conductd.start();
        conductd.settle();

        assertEquals(1, mail.receivedBy("meanwhile@example.net", "ack").size());
    }

    @Test
    void theDaemonJudgesArrivalByItsOwnClock() {
        conductd.stop();
        Clock fiveDaysAhead = Clock.offset(Clock.systemUTC(), Duration.ofDays(5));
        try (TestConductd ahead = new TestConductd(mail, data).withClock(fiveDaysAhead).start()) {
            mail.deliverRaw(report("early@example.net", Instant.now()));
            ahead.settle();

            assertEquals(0, mail.receivedBy("early@example.net", "ack").size());
            assertTrue(notAcknowledged(ahead, 1).get(0).contains("days before conductd read it"));
        }
    }
}
