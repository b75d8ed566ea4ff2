package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.conductd.store.CaseEvent;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.OutboxState;
import org.conductd.support.Await;
import org.conductd.support.ScriptedSmtpServer;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon sending through an SMTP server that refuses the reporter's address:
 * permanently (550), for now (451) and then not, or for longer than the sender waits (SPEC §3.6).
 */
class OutboxDeliveryIT {

    private static final String REPORTER = "jane@example.net";
    private static final String USER_UNKNOWN = "550 5.1.1 <jane@example.net>: Recipient address rejected: User unknown";
    private static final String TRY_LATER = "451 4.3.0 <jane@example.net>: Recipient address rejected: try again later";

    @TempDir
    Path data;
    private TestMail mail;
    private ScriptedSmtpServer smtp;
    private TestConductd conductd;

    @BeforeEach
    void startServers() {
        mail = new TestMail();
        smtp = new ScriptedSmtpServer();
    }

    @AfterEach
    void stopEverything() {
        if (conductd != null) {
            conductd.close();
        }
        smtp.close();
        mail.close();
    }

    @Test
    void aRecipientRefusedWith550IsFailedAfterOneAttemptAndRecordedOnItsCase() {
        smtp.onRecipient(REPORTER, USER_UNKNOWN);
        reportFromTheReporter();

        OutboxItem ack = awaitAcknowledgement(item -> item.state() == OutboxState.FAILED);

        assertEquals(1, ack.attempts(), "a permanent refusal is not tried again");
        assertEquals(1, deliveryFailures(ack).size(), "the case records the failed delivery");
    }

    @Test
    void aRecipientRefusedWith550DoesNotHoldUpTheOtherQueuedMessages() {
        smtp.onRecipient(REPORTER, USER_UNKNOWN);
        reportFromTheReporter();

        awaitAcknowledgement(item -> item.state() == OutboxState.FAILED);

        for (String[] member : TestConductd.TEAM) {
            Await.until("a notification to " + member[1], () -> !smtp.acceptedFor(member[1]).isEmpty());
        }
        Await.until("nothing left to send", () -> outbox().countByState(OutboxState.PENDING) == 0);
    }

    @Test
    void aMessageRefusedWith554AfterItsTextIsFailedAfterOneAttempt() {
        smtp.onData("554 5.6.0 Message refused");
        reportFromTheReporter();

        OutboxItem ack = awaitAcknowledgement(item -> item.state() == OutboxState.FAILED);

        assertEquals(1, ack.attempts());
        assertEquals("554 5.6.0 Message refused", ack.lastError());
    }

    @Test
    void aSenderRefusedWith553AtMailFromIsFailedAfterOneAttempt() {
        smtp.onMailFrom("553 5.7.1 Sender address rejected");
        reportFromTheReporter();

        OutboxItem ack = awaitAcknowledgement(item -> item.state() == OutboxState.FAILED);

        assertEquals(1, ack.attempts());
        assertEquals("553 5.7.1 Sender address rejected", ack.lastError());
    }

    @Test
    void aRecipientRefusedWith451IsKeptPendingForALaterAttempt() {
        smtp.onRecipient(REPORTER, TRY_LATER);
        reportFromTheReporter();

        OutboxItem ack = awaitAcknowledgement(item -> item.attempts() >= 1);

        assertEquals(OutboxState.PENDING, ack.state());
        assertEquals(1, ack.attempts());
        assertTrue(ack.nextAttemptAt().isAfter(ack.createdAt().plusSeconds(20)),
                "the next attempt waits for the backoff: " + ack.createdAt() + " -> " + ack.nextAttemptAt());
        assertTrue(deliveryFailures(ack).isEmpty(), "a temporary refusal is not a failed delivery");
    }

    @Test
    void aRecipientRefusedWith451IsDeliveredOnceTheServerTakesItAndTheOutboxDrains() throws Exception {
        smtp.onRecipient(REPORTER, TRY_LATER);
        reportFromTheReporter();
        awaitAcknowledgement(item -> item.attempts() >= 1);

        smtp.onRecipient(REPORTER, "250 2.1.5 Ok");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db"));
             var due = db.createStatement()) {
            due.executeUpdate("UPDATE outbox SET next_attempt_at = 0 WHERE state = 'PENDING'");
        }
        conductd.bean(OutboxSender.class).wake();

        Await.until("nothing left to send", () -> outbox().countByState(OutboxState.PENDING) == 0);
        OutboxItem ack = acknowledgement().orElseThrow();
        assertEquals(OutboxState.SENT, ack.state());
        assertEquals(2, ack.attempts(), "refused once, then accepted");
        assertEquals(1, smtp.acceptedFor(REPORTER).size(), "delivered once");
        assertEquals(0, outbox().countByState(OutboxState.FAILED));
        assertTrue(deliveryFailures(ack).isEmpty(), "a temporary refusal is not a failed delivery");
    }

    @Test
    void aMessagePendingLongerThanThreeDaysIsFailedOnItsNextFailedAttempt() throws Exception {
        smtp.onRecipient(REPORTER, TRY_LATER);
        reportFromTheReporter();
        awaitAcknowledgement(item -> item.attempts() >= 1);

        try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db"));
             PreparedStatement age = db.prepareStatement(
                     "UPDATE outbox SET created_at = ?, next_attempt_at = 0 WHERE recipient = ?")) {
            age.setLong(1, Instant.now().minus(Duration.ofDays(3)).minus(Duration.ofHours(1)).toEpochMilli());
            age.setString(2, REPORTER);
            assertEquals(1, age.executeUpdate());
        }
        conductd.bean(OutboxSender.class).wake();

        OutboxItem ack = awaitAcknowledgement(item -> item.state() == OutboxState.FAILED);

        assertEquals(2, ack.attempts());
        assertTrue(ack.lastError().startsWith("still refused after 3 days: 451 4.3.0"), ack.lastError());
        assertEquals(1, deliveryFailures(ack).size(), "the case records the failed delivery");
    }

    @Test
    void theStoredRefusalNamesNoEmailAddress() {
        smtp.onRecipient(REPORTER, USER_UNKNOWN);
        reportFromTheReporter();

        OutboxItem ack = awaitAcknowledgement(item -> item.state() == OutboxState.FAILED);
        String event = deliveryFailures(ack).get(0).detail();

        assertEquals("550 5.1.1 <[address]>: Recipient address rejected: User unknown", ack.lastError());
        assertTrue(event.endsWith("was refused: " + ack.lastError()), event);
        assertFalse(event.contains("@"), "the event names no address: " + event);
    }

    @Test
    void theRefusalOnTheCaseNamesTheMailByRoleNotByItsMessageId() {
        smtp.onRecipient(REPORTER, USER_UNKNOWN);
        reportFromTheReporter();

        OutboxItem ack = awaitAcknowledgement(item -> item.state() == OutboxState.FAILED);
        String event = deliveryFailures(ack).get(0).detail();

        assertTrue(event.startsWith("the acknowledgement to the reporter was refused: 550 5.1.1"), event);
        assertFalse(event.contains(ack.messageId().substring(0, ack.messageId().indexOf('@'))), event);
    }

    @Test
    void aRefusalQuotingTheMessageIdOfAMembersCopyKeepsNoPartOfIt() {
        smtp.onData(message -> {
            if (!message.recipients().contains("bob@example.org")) {
                return "250 2.0.0 Ok: queued";
            }
            Matcher id = Pattern.compile("(?im)^Message-ID: <([^@>]+)@").matcher(message.data());
            assertTrue(id.find());
            return "554 5.7.1 <" + id.group(1) + "@example.org> refused, held as " + id.group(1);
        });
        reportFromTheReporter();

        Await.until("the notification to Bob refused", () -> toBob().filter(i -> i.state() == OutboxState.FAILED).isPresent());
        OutboxItem note = toBob().orElseThrow();
        String local = note.messageId().substring(0, note.messageId().indexOf('@'));
        String mac = local.substring(local.lastIndexOf('.') + 1);

        assertEquals("554 5.7.1 <[address]> refused, held as c1.[id].[id]", note.lastError());
        assertEquals(32, mac.length(), note.messageId());
        assertFalse(deliveryFailures(note).get(0).detail().contains(mac), deliveryFailures(note).get(0).detail());
    }

    private Optional<OutboxItem> toBob() {
        return StreamSupport.stream(outbox().findAll().spliterator(), false)
                .filter(item -> "bob@example.org".equals(item.member()) && item.kind().headerValue().equals("case-notification"))
                .findFirst();
    }

    @Test
    void aRecipientRefusedWith550IsReportedToEveryResponderByRoleNotAddress() throws Exception {
        smtp.onRecipient(REPORTER, USER_UNKNOWN);
        reportFromTheReporter();

        for (String[] member : TestConductd.TEAM) {
            Await.until("a delivery-failure alert to " + member[1], () -> !alertsTo(member[1]).isEmpty());
            MimeMessage alert = alertsTo(member[1]).get(0);
            String text = alert.getSubject() + "\n" + plainText(alert);
            assertTrue(alert.getSubject().contains("mail to the reporter was not delivered"), alert.getSubject());
            assertTrue(text.contains("550 5.1.1"), text);
            assertFalse(text.contains(REPORTER), text);
        }
    }

    /** The plain-text part of conductd's multipart/alternative mail. */
    private static String plainText(MimeMessage m) throws Exception {
        return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
    }

    /** The alerts a responder was sent, as parsed messages. */
    private List<MimeMessage> alertsTo(String member) {
        return smtp.acceptedFor(member).stream().map(accepted -> {
            try {
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(accepted.data().getBytes(StandardCharsets.UTF_8)));
                return "alert".equals(m.getHeader("X-Conductd-Kind", ",")) ? m : null;
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).filter(java.util.Objects::nonNull).toList();
    }

    private void reportFromTheReporter() {
        conductd = new TestConductd(mail, data, Map.of("conductd.smtp.port", smtp.port())).start();
        mail.send(REPORTER, "Report", "Someone was rude to me at the social.", Map.of());
    }

    private OutboxItem awaitAcknowledgement(Predicate<OutboxItem> condition) {
        Await.until("the acknowledgement to the reporter", () -> acknowledgement().filter(condition).isPresent());
        return acknowledgement().orElseThrow();
    }

    private Optional<OutboxItem> acknowledgement() {
        return StreamSupport.stream(outbox().findAll().spliterator(), false)
                .filter(item -> item.recipient().equals(REPORTER))
                .findFirst();
    }

    private List<CaseEvent> deliveryFailures(OutboxItem item) {
        return conductd.bean(EventRepository.class).findByCaseIdOrderById(item.caseId()).stream()
                .filter(event -> event.kind() == EventKind.DELIVERY_FAILED)
                .toList();
    }

    private OutboxRepository outbox() {
        return conductd.bean(OutboxRepository.class);
    }
}
