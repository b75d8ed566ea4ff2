package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.StoredMessage;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;

/**
 * A bounce for mail conductd sent is filed with that mail's case and reported to the
 * responders (SPEC §3.6, §4); a delay is only recorded; a bounce about anything else is kept
 * without a case. Nothing ever answers the bounce.
 */
class BounceIT extends ConductdIT {

    private static final String REPORTER = "jane@example.net";
    private static final String DAEMON = "mailer-daemon@mx.example.net";

    @Test
    void aBouncedAcknowledgementIsMarkedOnItsOutboxRow() {
        String ackId = acknowledgedReport("Incident at the social");

        mail.deliverRaw(dsn("bounce-1", ackId, "failed", "5.1.1", "550 5.1.1 <jane@example.net>: User unknown"));
        conductd.settle();

        OutboxItem ack = outboxRow(ackId);
        assertNotNull(ack.bouncedAt());
        assertEquals("5.1.1 550 5.1.1 <[address]>: User unknown", ack.bounceDetail());
    }

    @Test
    void aBouncedAcknowledgementIsRecordedOnItsCaseWithTheBounceFiledThere() {
        String ackId = acknowledgedReport("Incident at the social");

        mail.deliverRaw(dsn("bounce-1", ackId, "failed", "5.1.1", "550 5.1.1 <jane@example.net>: User unknown"));
        conductd.settle();

        List<CaseEvent> bounced = events("bounced");
        assertEquals(1, bounced.size());
        assertEquals("the acknowledgement to the reporter bounced (5.1.1)", bounced.get(0).detail());
        StoredMessage bounce = conductd.bean(MessageRepository.class).findById(bounced.get(0).messageRow()).orElseThrow();
        assertEquals(1L, bounce.caseId());
        assertEquals(Disposition.BOUNCE, bounce.disposition());
    }

    @Test
    void everyResponderIsAlertedNamingTheAnonymousReporterOnlyByRole() throws Exception {
        String ackId = acknowledgedReport("Anonymous report");

        mail.deliverRaw(dsn("bounce-1", ackId, "failed", "5.1.1", "550 5.1.1 <jane@example.net>: User unknown"));
        conductd.settle();

        for (String[] member : TestConductd.TEAM) {
            List<MimeMessage> alerts = mail.receivedBy(member[1], "alert");
            assertEquals(1, alerts.size(), member[1]);
            String text = alerts.get(0).getSubject() + "\n" + IntakeIT.body(alerts.get(0));
            assertTrue(text.contains("mail to the reporter was not delivered"), text);
            assertTrue(text.contains("acknowledgement"), text);
            assertTrue(text.contains("5.1.1"), text);
            assertFalse(text.contains(REPORTER), text);
        }
    }

    @Test
    void nothingIsSentToWhoeverSentTheBounce() {
        String ackId = acknowledgedReport("Incident at the social");

        mail.deliverRaw(dsn("bounce-1", ackId, "failed", "5.1.1", "550 5.1.1 User unknown"));
        conductd.settle();

        assertTrue(mail.receivedBy(DAEMON).isEmpty());
        assertEquals(1, mail.receivedBy(REPORTER).size(), "only the acknowledgement");
    }

    @Test
    void aDelayIsRecordedOnTheCaseAndAlertsNobody() {
        String ackId = acknowledgedReport("Incident at the social");

        mail.deliverRaw(dsn("delay-1", ackId, "delayed", "4.4.1", "421 4.4.1 Connection timed out"));
        conductd.settle();

        assertEquals(1, events("delivery-delayed").size());
        assertTrue(events("bounced").isEmpty());
        assertNull(outboxRow(ackId).bouncedAt());
        assertNoAlerts();
    }

    @Test
    void aBounceForMailConductdNeverSentOpensNoCaseAndAlertsNobody() {
        mail.deliverRaw(dsn("bounce-1", "<somebody-else.123@example.com>", "failed", "5.1.1", "550 5.1.1 User unknown"));
        conductd.settle();

        assertEquals(0, conductd.bean(CaseRepository.class).count());
        List<StoredMessage> bounces = conductd.bean(MessageRepository.class).findByDispositionOrderById(Disposition.BOUNCE);
        assertEquals(1, bounces.size());
        assertNull(bounces.get(0).caseId());
        assertEquals(0, sentByConductd(), "nothing sent at all");
    }

    @Test
    void theSameBounceDeliveredTwiceAlertsOnce() {
        String ackId = acknowledgedReport("Incident at the social");
        String bounce = dsn("bounce-1", ackId, "failed", "5.1.1", "550 5.1.1 User unknown");

        mail.deliverRaw(bounce);
        conductd.settle();
        mail.deliverRaw(bounce);
        conductd.settle();

        for (String[] member : TestConductd.TEAM) {
            assertEquals(1, mail.receivedBy(member[1], "alert").size(), member[1]);
        }
    }

    @Test
    void aSecondReportAboutTheSameBouncedMessageAlertsNobodyAgain() {
        String ackId = acknowledgedReport("Incident at the social");

        mail.deliverRaw(dsn("bounce-1", ackId, "failed", "5.1.1", "550 5.1.1 User unknown"));
        conductd.settle();
        mail.deliverRaw(dsn("bounce-2", ackId, "failed", "5.1.1", "550 5.1.1 User unknown (second relay)"));
        conductd.settle();

        for (String[] member : TestConductd.TEAM) {
            assertEquals(1, mail.receivedBy(member[1], "alert").size(), member[1]);
        }
        assertEquals(1, events("bounced").size());
        assertEquals(2, conductd.bean(MessageRepository.class).findByDispositionOrderById(Disposition.BOUNCE).stream()
                .filter(m -> Long.valueOf(1L).equals(m.caseId())).count(), "both reports are filed with the case");
    }

    @Test
    void aResponderWhoseMailBouncedIsNotSentTheAlertAboutIt() throws Exception {
        acknowledgedReport("Incident at the social");
        String noteToBob = mail.receivedBy("bob@example.org", "case-notification").get(0).getMessageID();

        mail.deliverRaw(dsn("bounce-1", noteToBob, "failed", "5.2.2", "552 5.2.2 Mailbox full"));
        conductd.settle();

        assertTrue(mail.receivedBy("bob@example.org", "alert").isEmpty());
        for (String member : List.of("alice@example.org", "carol@example.org")) {
            List<MimeMessage> alerts = mail.receivedBy(member, "alert");
            assertEquals(1, alerts.size(), member);
            assertTrue(alerts.get(0).getSubject().contains("mail to Bob Builder was not delivered"), alerts.get(0).getSubject());
        }
    }

    @Test
    void aBouncedAlertToAResponderWhoseMailFailedBeforeAlertsNobody() throws Exception {
        acknowledgedReport("Incident at the social");
        String noteToBob = mail.receivedBy("bob@example.org", "case-notification").get(0).getMessageID();
        mail.deliverRaw(dsn("bounce-1", noteToBob, "failed", "5.2.2", "552 5.2.2 Mailbox full"));
        conductd.settle();
        String alertToAlice = mail.receivedBy("alice@example.org", "alert").get(0).getMessageID();
        String noteToAlice = mail.receivedBy("alice@example.org", "case-notification").get(0).getMessageID();
        mail.deliverRaw(dsn("bounce-2", noteToAlice, "failed", "5.2.2", "552 5.2.2 Mailbox full"));
        conductd.settle();
        long before = sentByConductd();

        mail.deliverRaw(dsn("bounce-3", alertToAlice, "failed", "5.2.2", "552 5.2.2 Mailbox full"));
        conductd.settle();

        assertEquals(before, sentByConductd(), "no alert about an alert to a failing address");
        assertEquals(1, events("delivery-failure-not-alerted").size());
    }

    /** A report from the reporter, handled; returns the Message-ID of its acknowledgement as the reporter got it. */
    private String acknowledgedReport(String subject) {
        mail.send(REPORTER, subject, "Someone was rude to me at the social.", Map.of());
        conductd.settle();
        try {
            return mail.receivedBy(REPORTER, "ack").get(0).getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A delivery status notification about {@code originalId} (bracketed), with the returned header. */
    static String dsn(String bounceId, String originalId, String action, String status, String diagnostic) {
        return """
                Return-Path: <>
                From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
                To: conduct@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                Message-ID: <%s@mx.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

                --dsn
                Content-Type: text/plain; charset=us-ascii

                Your message could not be delivered to <jane@example.net>.
                --dsn
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; jane@example.net
                Action: %s
                Status: %s
                Diagnostic-Code: smtp; %s
                --dsn
                Content-Type: text/rfc822-headers

                From: Test Conf Code of Conduct team <conduct@example.org>
                To: jane@example.net
                Subject: [CoC #1] Re: Report
                Message-ID: %s
                --dsn--
                """.formatted(bounceId, action, status, diagnostic, originalId);
    }

    private OutboxItem outboxRow(String bracketedId) {
        String id = bracketedId.substring(1, bracketedId.length() - 1);
        return StreamSupport.stream(conductd.bean(OutboxRepository.class).findAll().spliterator(), false)
                .filter(item -> item.messageId().equals(id)).findFirst().orElseThrow();
    }

    private List<CaseEvent> events(String kind) {
        return conductd.bean(EventRepository.class).findByCaseIdOrderById(1L).stream()
                .filter(e -> e.kind() == EventKind.of(kind)).toList();
    }

    /** Every message conductd sent; the bounces a test puts in the inbox are not among them. */
    private long sentByConductd() {
        return Arrays.stream(mail.greenMail().getReceivedMessages())
                .filter(m -> TestMail.header(m, "X-Conductd-Kind") != null).count();
    }

    private void assertNoAlerts() {
        for (String[] member : TestConductd.TEAM) {
            assertTrue(mail.receivedBy(member[1], "alert").isEmpty(), member[1]);
        }
    }
}
