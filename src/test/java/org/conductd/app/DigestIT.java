package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import org.conductd.compose.Reminders;
import org.conductd.outbound.OutboxSender;
import org.conductd.outbound.RenderedMail;
import org.conductd.outbound.TemplateModel;
import org.conductd.outbound.TemplateRenderer;
import org.conductd.reports.WeeklyDigest;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weekly digest to organizers and the reminders to the team (SPEC §3.8). */
class DigestIT extends ConductdIT {

    /** The default schedule is Mondays 08:00 UTC; 2026-11-23 is a Monday. */
    static final Instant MONDAY = Instant.parse("2026-11-23T08:00:30Z");

    @BeforeEach
    void openCases() {
        mail.send("Jane Reporter <jane@example.net>", "Harassment at the party", "Someone kept following me.", Map.of());
        conductd.settle();
        String token = ConductdIT.idOf(mail.receivedBy("alice@example.org", "case-notification").get(0));
        mail.send("alice@example.org", "Re: [CoC #1]", "REPORTED: Mallory Person <mallory@example.com>\nSEVERITY: high",
                Map.of("In-Reply-To", "<" + token + ">"));
        conductd.settle();
    }

    private WeeklyDigest digest() {
        return conductd.bean(WeeklyDigest.class);
    }

    private String rendered(Instant now) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = conductd.bean(TransactionOperations.class);
        TemplateModel.Digest model = tx.executeRead(status -> digest().model(now));
        RenderedMail mail = conductd.bean(TemplateRenderer.class).render(model);
        return mail.subject() + "\n" + mail.text() + "\n" + mail.html();
    }

    @Test
    void digestListsOpenCasesByCodeNameAndNamesNoReporterOrReportedPerson() {
        String text = rendered(Instant.now());

        assertTrue(text.contains("case 1"), text);
        assertTrue(text.contains("severity high"), text);
        assertTrue(text.contains("New reports: 1"), text);
        for (String secret : new String[] {"jane@example.net", "Jane", "Mallory", "mallory@example.com", "following"}) {
            assertFalse(text.contains(secret), secret + " must not appear:\n" + text);
        }
    }

    @Test
    void caseWithoutAReplyWithin24HoursIsOverdue() {
        String text = rendered(Instant.now().plusSeconds(2 * 24 * 3600));
        // alice acted on case 1, so only a case nobody touched is overdue: open one.
        assertFalse(text.contains("case 1 (") && text.contains("no reply from the team"), text);

        mail.send("sam@example.net", "Another", "Text.", Map.of());
        conductd.settle();
        assertTrue(rendered(Instant.now().plusSeconds(2 * 24 * 3600)).contains("no reply from the team within 24 hours"));
    }

    @Test
    void scheduledDigestIsSentOncePerPeriod() {
        assertTrue(digest().sendIfDue(MONDAY));
        assertFalse(digest().sendIfDue(MONDAY.plusSeconds(3600)), "not twice for the same Monday");
        assertTrue(digest().sendIfDue(MONDAY.plusSeconds(7 * 24 * 3600)), "the next Monday's goes out");
    }

    @Test
    void digestMissedWhileDownGoesOutOnStartUp() {
        digest().sendIfDue(MONDAY);
        Instant afterAMissedMonday = MONDAY.plusSeconds(9 * 24 * 3600);

        assertTrue(digest().catchUp(afterAMissedMonday), "the missed digest goes out");
        assertFalse(digest().catchUp(afterAMissedMonday.plusSeconds(60)), "and only once");
    }

    @Test
    void manualSendGoesOutAtOnceAndStandsForThatPeriod() throws Exception {
        var queued = digest().queueNow(Instant.now());
        assertEquals(1, conductd.bean(OutboxSender.class).deliverNow(queued));

        var digests = mail.receivedBy("orga@example.org", "digest");
        assertEquals(1, digests.size());
        assertFalse(digests.get(0).getSubject().contains("[CoC"), "a digest carries no case tag");
        assertFalse(digests.get(0).getSubject().contains("Harassment"), "nor the report's subject");
        assertFalse(digest().sendIfDue(Instant.now()), "the scheduled digest for this period is not sent again");
    }

    @Test
    void manualSendAfterTheScheduledDigestStillGoesOut() {
        Instant now = Instant.now();
        digest().sendIfDue(now);

        var queued = digest().queueNow(now.plusSeconds(60));
        assertEquals(1, queued.size(), "digest --send always sends");
    }

    @Test
    void idleCaseGetsOneReminderADayToTheTeam() throws Exception {
        // Case 1 was acted on just now; case 2, opened three days ago, never was.
        mail.send("sam@example.net", "Another report", "Text.", Map.of());
        conductd.settle();
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db"));
             var age = db.createStatement()) {
            long threeDaysAgo = Instant.now().minusSeconds(3 * 24 * 3600).toEpochMilli();
            age.executeUpdate("UPDATE cases SET opened_at = " + threeDaysAgo + " WHERE id = 2");
        }
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = conductd.bean(TransactionOperations.class);

        assertEquals(1, (int) tx.executeWrite(status -> conductd.bean(Reminders.class).sendDue()));
        assertEquals(0, (int) tx.executeWrite(status -> conductd.bean(Reminders.class).sendDue()), "once a day");
        conductd.settle();
        var reminders = mail.receivedBy("bob@example.org", "reminder");
        assertEquals(1, reminders.size());
        assertTrue(reminders.get(0).getSubject().contains("case 2"), reminders.get(0).getSubject());
        assertFalse(reminders.get(0).getSubject().contains("[CoC"), "reminders carry no case tag");
    }
}
