package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.conductd.mail.MessageId;
import org.conductd.outbound.OutboxSender;
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
 * Mail queued to a member but not yet sent when they become conflicted (a greylisting
 * server made it wait) is withdrawn when its turn comes, not sent (SPEC §3.3).
 */
class WithdrawnMailIT {

    private static final String ALICE = "alice@example.org";
    private static final String CAROL = "carol@example.org";
    private static final String GREYLISTED = "451 4.7.1 <carol@example.org>: greylisted, try again later";

    @TempDir
    Path data;
    private TestMail mail;
    private ScriptedSmtpServer smtp;
    private TestConductd conductd;

    @BeforeEach
    void start() {
        mail = new TestMail();
        smtp = new ScriptedSmtpServer();
        conductd = new TestConductd(mail, data, Map.of("conductd.smtp.port", smtp.port())).start();
    }

    @AfterEach
    void stop() {
        conductd.close();
        smtp.close();
        mail.close();
    }

    private List<OutboxItem> outboxTo(String member) {
        return StreamSupport.stream(conductd.bean(OutboxRepository.class).findAll().spliterator(), false)
                .filter(item -> member.equals(item.member())).toList();
    }

    private static MimeMessage parsed(ScriptedSmtpServer.Accepted accepted) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(accepted.data().getBytes(StandardCharsets.UTF_8)));
    }

    private void makeEverythingDue() throws Exception {
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db"));
             var due = db.createStatement()) {
            due.executeUpdate("UPDATE outbox SET next_attempt_at = 0 WHERE state = 'PENDING'");
        }
        conductd.bean(OutboxSender.class).wake();
    }

    @Test
    void mailWaitingForAMemberDeclaredConflictedMeanwhileIsWithdrawn() throws Exception {
        smtp.onRecipient(CAROL, GREYLISTED);
        mail.send("jane@example.net", "Harassment at the party", "Someone kept following me.", Map.of());
        Await.until("a notification to alice", () -> !smtp.acceptedFor(ALICE).isEmpty());
        Await.until("carol's notification refused once", () -> outboxTo(CAROL).stream().anyMatch(i -> i.attempts() >= 1));

        String token = MessageId.parseOne(parsed(smtp.acceptedFor(ALICE).get(0)).getMessageID());
        mail.deliverRaw("From: Alice Example <" + ALICE + ">\nTo: conduct@example.org\nSubject: Re: [CoC #1]\n"
                + "Message-ID: <conflict-reply@example.org>\nIn-Reply-To: <" + token + ">\nReferences: <" + token + ">\n\n"
                + "CONFLICT: Carol\n");
        Await.until("the conflict recorded", () -> conductd.bean(org.conductd.cases.CaseTeam.class)
                .conflicted(1).contains(CAROL));

        smtp.onRecipient(CAROL, "250 2.1.5 Ok");
        makeEverythingDue();
        Await.until("nothing left to send", () -> conductd.bean(OutboxRepository.class)
                .countByState(OutboxState.PENDING) == 0);

        List<OutboxItem> toCarol = outboxTo(CAROL);
        OutboxItem notification = toCarol.stream().filter(i -> i.kind().headerValue().equals("case-notification")).findFirst()
                .orElseThrow();
        assertEquals(OutboxState.WITHDRAWN, notification.state());
        List<ScriptedSmtpServer.Accepted> delivered = smtp.acceptedFor(CAROL);
        assertEquals(1, delivered.size(), "only the notice that she was declared conflicted");
        String notice = delivered.get(0).data();
        assertTrue(notice.contains("conflict of interest"), notice);
        assertFalse(notice.contains("following me"), "nothing of the case: " + notice);
        assertTrue(conductd.bean(EventRepository.class).findByCaseIdOrderById(1).stream()
                .anyMatch(e -> e.kind() == EventKind.MAIL_WITHDRAWN && e.detail().contains("Carol Danvers")));
    }
}
