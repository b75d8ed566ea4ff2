package org.conductd.app;

import static org.conductd.support.TestMail.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MessageId;
import org.conductd.mail.MessageIdIssuer;
import org.conductd.reports.CaseListing;
import org.conductd.store.CaseMemberRepository;
import org.conductd.store.CaseRepository;
import org.conductd.support.TestConductd;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;

/** A report mailed to the conduct address becomes an acknowledged case (SPEC §3.1), end to end. */
class IntakeIT extends ConductdIT {

    private static final String REPORTER = "jane@example.net";

    @Test
    void reportIsAcknowledgedWithAutoReplyHeadersThreadedToTheReport() throws Exception {
        String reportId = mail.send(REPORTER, "Harassment at the party", "Someone kept following me.", Map.of());
        conductd.settle();

        List<MimeMessage> acks = mail.receivedBy(REPORTER, "ack");
        assertEquals(1, acks.size());
        MimeMessage ack = acks.get(0);
        assertEquals("auto-replied", header(ack, "Auto-Submitted"));
        assertEquals("<" + reportId + ">", header(ack, "In-Reply-To"));
        assertTrue(header(ack, "References").contains("<" + reportId + ">"));
        assertTrue(ack.getSubject().startsWith("[CoC #1]"), ack.getSubject());
        assertTrue(header(ack, "Reply-To").contains(TestMail.CONDUCT));
        assertTrue(header(ack, "Thread-Index") != null);
    }

    @Test
    void everyResponderGetsTheirOwnNotificationCarryingTheirToken() throws Exception {
        mail.send(REPORTER, "Harassment at the party", "Someone kept following me.", Map.of());
        conductd.settle();

        MessageIdIssuer issuer = conductd.bean(MessageIdIssuer.class);
        Set<String> ids = new HashSet<>();
        for (String[] member : TestConductd.TEAM) {
            List<MimeMessage> notes = mail.receivedBy(member[1], "case-notification");
            assertEquals(1, notes.size(), member[1]);
            MimeMessage note = notes.get(0);
            assertEquals(1, note.getAllRecipients().length, "one copy per member, nobody else on it");
            String id = MessageId.parseOne(note.getMessageID());
            assertTrue(issuer.isTokenFor(id, 1, EmailAddress.of(member[1])), "token binds case and member");
            String other = member[1].startsWith("bob") ? "alice@example.org" : "bob@example.org";
            assertFalse(issuer.isTokenFor(id, 1, EmailAddress.of(other)), "a token is not valid for another member");
            assertFalse(issuer.isTokenFor(id, 2, EmailAddress.of(member[1])), "a token is not valid for another case");
            assertTrue(body(note).contains("Someone kept following me."));
            assertTrue(body(note).contains(REPORTER));
            ids.add(id);
        }
        assertEquals(3, ids.size());
    }

    @Test
    void reportIsMarkedProcessedAndSeenOnTheServerAfterItsCommit() {
        mail.send(REPORTER, "Report", "Text", Map.of());
        conductd.settle();

        Flags flags = mail.inboxFlags().get(0);
        assertTrue(flags.contains("$ConductdProcessed"));
        assertTrue(flags.contains(Flags.Flag.SEEN));
        assertEquals(1, conductd.bean(CaseRepository.class).count());
    }

    @Test
    void rosterMemberNamedInTheReportIsLeftOutAndTheOthersAreToldWhy() throws Exception {
        mail.send(REPORTER, "About a team member", "It was Bob Builder who made the comment.", Map.of());
        conductd.settle();

        assertTrue(mail.receivedBy("bob@example.org").isEmpty(), "the named member receives nothing");
        assertEquals(1, mail.receivedBy("alice@example.org", "case-notification").size());
        List<MimeMessage> alerts = mail.receivedBy("carol@example.org", "alert");
        assertEquals(1, alerts.size());
        assertTrue(body(alerts.get(0)).contains("Bob Builder"));
        assertTrue(body(alerts.get(0)).contains("CONFLICT-CLEAR"));
        assertTrue(conductd.bean(CaseMemberRepository.class).findByCaseId(1).stream()
                .anyMatch(m -> m.member().equals("bob@example.org") && m.conflicted()));
    }

    @Test
    void memberNamedByAddressIsLeftOutToo() {
        mail.send(REPORTER, "Report", "Please do not tell carol@example.org about this.", Map.of());
        conductd.settle();

        assertTrue(mail.receivedBy("carol@example.org").isEmpty());
    }

    @Test
    void anonymousReportHidesTheSenderFromResponders() throws Exception {
        mail.send(REPORTER, "Anonymous report", "I saw something at the booth.", Map.of());
        conductd.settle();

        MimeMessage note = mail.receivedBy("alice@example.org", "case-notification").get(0);
        String text = body(note);
        assertTrue(text.contains("Reporter (anonymous, case 1)"), text);
        assertFalse(text.contains(REPORTER), "the sender's address is never shown");
        assertFalse(text.toLowerCase().contains("jane"));
        assertEquals(1, mail.receivedBy(REPORTER, "ack").size(), "the reporter is still acknowledged");
    }

    @Test
    void reportForwardedByAResponderOpensACaseWithoutAcknowledgingTheResponder() {
        mail.send("alice@example.org", "Fwd: something I was told", "A volunteer told me about an incident.", Map.of());
        conductd.settle();

        assertEquals(1, conductd.bean(CaseRepository.class).count());
        assertTrue(mail.receivedBy("alice@example.org", "ack").isEmpty());
        assertEquals(1, mail.receivedBy("bob@example.org", "case-notification").size());
        assertEquals("alice@example.org", conductd.bean(CaseRepository.class).findById(1L).orElseThrow().takenBy());
    }

    @Test
    void twoReportsOpenTwoCasesWithDifferentCodeNames() {
        mail.send(REPORTER, "First", "One", Map.of());
        mail.send("sam@example.net", "Second", "Two", Map.of());
        conductd.settle();

        CaseRepository cases = conductd.bean(CaseRepository.class);
        assertEquals(2, cases.count());
        assertNotEquals(cases.findById(1L).orElseThrow().codeName(), cases.findById(2L).orElseThrow().codeName());
    }

    @Test
    void caseRecordShowsTheReportItsEventsAndTheMailSent() {
        mail.send(REPORTER, "Harassment at the party", "Someone kept following me.", Map.of());
        conductd.settle();

        String record = conductd.bean(CaseListing.class).record(1).orElseThrow();
        assertTrue(record.contains("Someone kept following me."), record);
        assertTrue(record.contains(REPORTER));
        assertTrue(record.contains("opened by reporter"), record);
        assertTrue(record.contains("acknowledged"));
        assertTrue(record.contains("case-notification to alice@example.org: SENT"), record);
        assertTrue(conductd.bean(CaseListing.class).record(2).isEmpty());
    }

    @Test
    void caseRecordOfAnAnonymousCaseNeverShowsTheReporter() {
        mail.send(REPORTER, "anonymous", "Please keep my name out of this.", Map.of());
        conductd.settle();

        String record = conductd.bean(CaseListing.class).record(1).orElseThrow();
        assertFalse(record.contains(REPORTER), record);
        assertTrue(record.contains("Reporter (anonymous, case 1)"));
        assertFalse(conductd.bean(CaseListing.class).list().contains(REPORTER));
    }

    @Test
    void reportFromAnAddressThatCannotBeWrittenToStillOpensACaseWithoutAcknowledgement() {
        mail.deliverRaw("""
                From: Dotty <dotty..dots@example.net>
                To: conduct@example.org
                Subject: Report
                Message-ID: <dots@example.net>

                Someone kept following me.
                """);
        conductd.settle();

        assertEquals(1, conductd.bean(CaseRepository.class).count());
        assertEquals(1, mail.receivedBy("alice@example.org", "case-notification").size());
        assertTrue(conductd.bean(CaseListing.class).record(1).orElseThrow().contains("cannot be written to"));
    }

    @Test
    void oldReportFoundInTheMailboxIsNotAcknowledged() {
        mail.deliverRaw("""
                From: Jane <jane@example.net>
                To: conduct@example.org
                Subject: Last year's report
                Date: Tue, 10 Nov 2025 10:00:00 +0000
                Message-ID: <old@example.net>

                This happened last year.
                """, java.time.Instant.parse("2025-11-10T10:00:05Z"));
        conductd.settle();

        assertEquals(1, conductd.bean(CaseRepository.class).count());
        assertTrue(mail.receivedBy("jane@example.net").isEmpty());
        assertEquals(1, mail.receivedBy("bob@example.org", "case-notification").size());
    }

    @Test
    void reportNamingEveryResponderAlertsTheOrganizersWithoutItsContent() throws Exception {
        mail.send(REPORTER, "About the team", "Alice Example, Bob Builder and Carol Danvers all laughed at me.", Map.of());
        conductd.settle();

        for (String[] member : TestConductd.TEAM) {
            assertTrue(mail.receivedBy(member[1]).isEmpty(), member[1] + " is named, so gets nothing");
        }
        List<MimeMessage> alerts = mail.receivedBy("orga@example.org", "alert");
        assertEquals(1, alerts.size());
        String text = body(alerts.get(0));
        assertTrue(text.contains("names every member"), text);
        assertFalse(text.contains("laughed"), "the alert carries none of the report");
        assertFalse(text.contains(REPORTER));
    }

    @Test
    void attachmentsTooLargeToSendToEveryoneAreListedButNotAttached() throws Exception {
        String big = java.util.Base64.getMimeEncoder().encodeToString(new byte[11 * 1024 * 1024]);
        mail.deliverRaw("""
                From: Jane <jane@example.net>
                To: conduct@example.org
                Subject: Video
                Message-ID: <video@example.net>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain

                The video of the incident.
                --b1
                Content-Type: video/mp4
                Content-Disposition: attachment; filename="incident.mp4"
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """.formatted(big));
        conductd.settle();

        MimeMessage note = mail.receivedBy("alice@example.org", "case-notification").get(0);
        assertTrue(note.getContent() instanceof String || note.isMimeType("multipart/alternative"), "nothing attached");
        assertTrue(body(note).contains("incident.mp4"));
        assertTrue(body(note).contains("too large to attach"), body(note));
    }


    @Test
    void reportAttachmentsAreAttachedToEveryNotification() throws Exception {
        mail.deliverRaw("""
                From: Jane <jane@example.net>
                To: conduct@example.org
                Subject: Screenshot of the messages
                Message-ID: <with-file@example.net>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                See the screenshot.
                --b1
                Content-Type: image/png
                Content-Disposition: attachment; filename="../../etc/screenshot.png"
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --b1--
                """);
        conductd.settle();

        MimeMessage note = mail.receivedBy("alice@example.org", "case-notification").get(0);
        jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) note.getContent();
        assertEquals(2, mixed.getCount());
        jakarta.mail.BodyPart file = mixed.getBodyPart(1);
        assertEquals("screenshot.png", file.getFileName(), "the sender's path is never kept");
        assertTrue(file.isMimeType("image/png"));
        byte[] bytes = ((java.io.InputStream) file.getContent()).readAllBytes();
        assertEquals(8, bytes.length);
        assertTrue(body(note).contains("See the screenshot."));
        assertTrue(body(note).contains("screenshot.png"));
    }
}
