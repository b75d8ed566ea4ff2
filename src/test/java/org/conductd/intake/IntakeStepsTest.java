package org.conductd.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.conductd.app.Contexts;
import org.conductd.ingest.FetchedMessage;
import org.conductd.ingest.ServerMark;
import org.conductd.store.CaseEvent;
import org.conductd.store.Disposition;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.QuarantineRepository;
import org.conductd.store.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each step of the intake decides as its Javadoc says, on the real database and without a
 * mail server: the context's daemon is not started, and messages are handed to the intake as
 * the mailbox sync would hand them.
 */
class IntakeStepsTest {

    private static final String CONDUCT = "conduct@example.org";

    @TempDir
    Path data;

    private ApplicationContext context;
    private BatchIntake intake;
    private MessageRepository messages;
    private long uid;

    @BeforeEach
    void start() {
        Map<String, Object> p = new HashMap<>();
        p.put("conductd.event-name", "Test Conf");
        p.put("conductd.address", CONDUCT);
        for (String server : List.of("imap", "smtp")) {
            p.put("conductd." + server + ".host", "127.0.0.1");
            p.put("conductd." + server + ".port", 9);
            p.put("conductd." + server + ".security", "none");
            p.put("conductd." + server + ".username", CONDUCT);
            p.put("conductd." + server + ".password", "unused");
        }
        p.put("conductd.appeals-contact", "leaders@example.org");
        p.put("conductd.security.token-secret", "6197c7ca4801ec8a6933fa92dacf3a304e4e60968f25b3e8e4d7568b55395ae8");
        p.put("conductd.data-dir", data.toString());
        p.put("datasources.default.url", "jdbc:sqlite:" + data.resolve("conductd.db"));
        p.put("conductd.team", List.of(Map.of("name", "Alice Example", "email", "alice@example.org"),
                Map.of("name", "Bob Builder", "email", "bob@example.org")));
        context = Contexts.startWith(p);
        intake = context.getBean(BatchIntake.class);
        messages = context.getBean(MessageRepository.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void oversizedMailIsQuarantinedUnread() {
        byte[] start = "not even a header".getBytes(StandardCharsets.US_ASCII);
        FetchedMessage f = new FetchedMessage("INBOX", 1, ++uid, start, data.resolve("spooled"), 99_000_000, sha(start), null);
        assertEquals(ServerMark.QUARANTINED, accept(f));
        assertEquals(1, context.getBean(QuarantineRepository.class).count());
    }

    @Test
    void theSameBytesAgainGetTheStoredCopysMark() {
        String raw = report("<r1@example.net>", "Someone shouted at me.");
        assertEquals(ServerMark.PROCESSED, accept(raw));
        assertEquals(ServerMark.PROCESSED, accept(raw));
        assertEquals(1, messages.count());
    }

    @Test
    void aReportOpensACaseAndIsAcknowledged() {
        accept(report("<r1@example.net>", "Someone shouted at me."));
        StoredMessage stored = messages.findByMessageId("r1@example.net").orElseThrow();
        assertEquals(Disposition.REPORT, stored.disposition());
        List<String> kinds = outbox(stored.caseId()).stream().map(i -> i.kind().headerValue()).toList();
        assertEquals(List.of("ack", "case-notification", "case-notification"), kinds);
    }

    @Test
    void aRedeliveryIsKeptAsADuplicateAndAReusedMessageIdIsANewMessage() {
        accept(report("<r1@example.net>", "Someone shouted at me."));
        accept("Received: from elsewhere\r\n" + report("<r1@example.net>", "Someone shouted at me."));
        accept(report("<r1@example.net>", "A different report."));
        List<Disposition> dispositions = messages.findAll().stream().map(StoredMessage::disposition).toList();
        assertEquals(List.of(Disposition.REPORT, Disposition.DUPLICATE, Disposition.REPORT), dispositions);
        StoredMessage reused = messages.findAll().get(2);
        assertEquals(null, reused.messageId());
        assertEquals("reused Message-ID r1@example.net", reused.note());
    }

    @Test
    void mailFromTheConductAddressAndConductdsOwnMailAreKeptUnhandled() {
        accept(report("<r1@example.net>", "Someone shouted at me."));
        long caseId = messages.findByMessageId("r1@example.net").orElseThrow().caseId();
        String ackId = outbox(caseId).get(0).messageId();
        accept("From: Someone <someone@example.net>\r\nTo: " + CONDUCT + "\r\nSubject: copy\r\nMessage-ID: <" + ackId
                + ">\r\n\r\nA copy of conductd's mail.\r\n");
        accept("From: Team <" + CONDUCT + ">\r\nTo: x@example.net\r\nSubject: hello\r\nMessage-ID: <own@example.org>"
                + "\r\n\r\nSent by hand from the team address.\r\n");
        List<StoredMessage> all = messages.findAll().stream().toList();
        assertEquals(Disposition.OWN, all.get(1).disposition());
        assertEquals("conductd's own mail", all.get(1).note());
        assertEquals(Disposition.OWN, all.get(2).disposition());
        assertEquals("sent from the conduct address", all.get(2).note());
        assertEquals(3, outbox(caseId).size(), "nothing was answered");
    }

    @Test
    void aBounceAboutNoSentMailIsKeptWithoutACase() {
        accept("From: Mail Delivery System <MAILER-DAEMON@example.net>\r\nTo: " + CONDUCT
                + "\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <b1@example.net>\r\n\r\n"
                + "The mail could not be delivered.\r\n");
        StoredMessage bounce = messages.findByMessageId("b1@example.net").orElseThrow();
        assertEquals(Disposition.BOUNCE, bounce.disposition());
        assertEquals(null, bounce.caseId());
        assertTrue(context.getBean(EventRepository.class).findAll().stream()
                .anyMatch(e -> e.kind() == EventKind.BOUNCE_RECEIVED));
        assertEquals(0, context.getBean(OutboxRepository.class).count());
    }

    @Test
    void aFollowUpIsRelayedAndAnAutomaticAnswerInACaseIsOnlyKept() {
        accept(report("<r1@example.net>", "Someone shouted at me."));
        long caseId = messages.findByMessageId("r1@example.net").orElseThrow().caseId();
        accept(reply("<f1@example.net>", "Reporter <reporter@example.net>", "", "One more thing."));
        accept(reply("<f2@example.net>", "Reporter <reporter@example.net>", "Auto-Submitted: auto-replied\r\n",
                "I am away."));
        assertEquals(Disposition.FOLLOW_UP, messages.findByMessageId("f1@example.net").orElseThrow().disposition());
        assertEquals(Disposition.AUTOMATIC, messages.findByMessageId("f2@example.net").orElseThrow().disposition());
        assertEquals(2, outbox(caseId).stream().filter(o -> o.kind().headerValue().equals("relay")).count(),
                "the follow-up was relayed to both responders, the automatic answer to nobody");
    }

    @Test
    void aMembersReplyThatAnswersNoCaseMailIsRefusedAndStatusAloneIsAnswered() {
        accept(report("<r1@example.net>", "Someone shouted at me."));
        long caseId = messages.findByMessageId("r1@example.net").orElseThrow().caseId();
        accept(reply("<m1@example.org>", "Alice Example <alice@example.org>", "", "CLOSE"));
        accept(reply("<m2@example.org>", "Alice Example <alice@example.org>", "", "STATUS"));
        StoredMessage refused = messages.findByMessageId("m1@example.org").orElseThrow();
        assertEquals(Disposition.REFUSED, refused.disposition());
        assertEquals("it does not answer mail that conductd sent you about this case", refused.note());
        assertEquals(Disposition.FOLLOW_UP, messages.findByMessageId("m2@example.org").orElseThrow().disposition());
        List<EventKind> kinds = context.getBean(EventRepository.class).findByCaseIdOrderById(caseId).stream()
                .map(CaseEvent::kind).toList();
        assertTrue(kinds.containsAll(List.of(EventKind.REFUSED, EventKind.ANSWERED)), kinds.toString());
        assertEquals(List.of("refusal", "transcript"), outbox(caseId).stream().map(o -> o.kind().headerValue())
                .filter(k -> k.equals("refusal") || k.equals("transcript")).toList(), "the refusal, then the status");
    }

    private List<OutboxItem> outbox(long caseId) {
        return context.getBean(OutboxRepository.class).findByCaseIdOrderById(caseId);
    }

    private static String report(String messageId, String text) {
        return "From: Reporter <reporter@example.net>\r\nTo: " + CONDUCT + "\r\nSubject: An incident\r\n"
                + "Date: Thu, 03 Dec 2026 09:00:00 +0000\r\nMessage-ID: " + messageId + "\r\n\r\n" + text + "\r\n";
    }

    /** A reply into the first case, threaded by the report's Message-ID. */
    private static String reply(String messageId, String from, String headers, String text) {
        return "From: " + from + "\r\nTo: " + CONDUCT + "\r\nSubject: Re: An incident\r\nMessage-ID: " + messageId
                + "\r\nIn-Reply-To: <r1@example.net>\r\nReferences: <r1@example.net>\r\n" + headers + "\r\n" + text + "\r\n";
    }

    private ServerMark accept(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return accept(new FetchedMessage("INBOX", 1, ++uid, bytes, null, bytes.length, sha(bytes), null));
    }

    private ServerMark accept(FetchedMessage f) {
        return intake.accept(List.of(f), f.uid()).get(f.uid());
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
