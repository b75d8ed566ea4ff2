package org.conductd.app;

import static org.conductd.app.IntakeIT.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.conductd.mail.MessageId;
import org.conductd.store.CaseRepository;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;
import org.conductd.support.TestConductd;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Later mail lands in the right case (SPEC §3.2) and is passed on to the team (SPEC §3.3). */
class FollowUpIT extends ConductdIT {

    private static final String REPORTER = "jane@example.net";

    private String ackId;

    @BeforeEach
    void openACase() throws Exception {
        mail.send(REPORTER, "Harassment at the party", "Someone kept following me.", Map.of());
        conductd.settle();
        ackId = MessageId.parseOne(mail.receivedBy(REPORTER, "ack").get(0).getMessageID());
    }

    @Test
    void reporterReplyingToTheAcknowledgementIsRelayedToTheTeam() throws Exception {
        mail.send(REPORTER, "Re: something else entirely", "It happened again today.", Map.of("In-Reply-To", "<" + ackId + ">"));
        conductd.settle();

        assertEquals(1, conductd.bean(CaseRepository.class).count(), "no new case");
        for (String[] member : TestConductd.TEAM) {
            List<MimeMessage> relays = mail.receivedBy(member[1], "relay");
            assertEquals(1, relays.size(), member[1]);
            assertTrue(body(relays.get(0)).contains("It happened again today."));
            assertTrue(relays.get(0).getSubject().contains("[CoC #1]"));
        }
        assertEquals(1, mail.receivedBy(REPORTER, "ack").size(), "a follow-up is not acknowledged again");
    }

    @Test
    void replyCarryingOnlyReferencesJoinsTheCase() {
        mail.send(REPORTER, "more", "Another detail.", Map.of("References", "<unrelated@elsewhere> <" + ackId + ">"));
        conductd.settle();

        assertEquals(1, conductd.bean(CaseRepository.class).count());
        assertEquals(1, mail.receivedBy("alice@example.org", "relay").size());
    }

    @Test
    void participantUsingTheSubjectTagJoinsTheCase() {
        mail.send(REPORTER, "Re: [CoC #1] one more thing", "I remembered the name.", Map.of());
        conductd.settle();

        assertEquals(1, conductd.bean(CaseRepository.class).count());
        assertEquals(1, mail.receivedBy("bob@example.org", "relay").size());
    }

    @Test
    void strangerCopyingTheCaseTagGetsACaseOfTheirOwn() throws Exception {
        mail.send("mallory@example.com", "Re: [CoC #1] let me see", "What did Jane say?", Map.of());
        conductd.settle();

        assertEquals(2, conductd.bean(CaseRepository.class).count(), "the stranger opened case 2");
        assertTrue(mail.receivedBy("alice@example.org", "relay").isEmpty(), "nothing was added to case 1");
        List<MimeMessage> strangersAck = mail.receivedBy("mallory@example.com", "ack");
        assertEquals(1, strangersAck.size());
        assertTrue(strangersAck.get(0).getSubject().contains("[CoC #2]"));
    }

    @Test
    void witnessReplyingToCaseMailIsAddedAsANewParticipant() throws Exception {
        mail.send("witness@example.com", "Fwd: what I saw", "I saw it too.", Map.of("In-Reply-To", "<" + ackId + ">"));
        conductd.settle();

        assertEquals(1, conductd.bean(CaseRepository.class).count());
        MimeMessage relay = mail.receivedBy("carol@example.org", "relay").get(0);
        assertTrue(body(relay).contains("new participant"), body(relay));
        assertTrue(conductd.bean(ParticipantRepository.class).findByCaseIdOrderById(1).stream()
                .anyMatch(p -> p.role() == ParticipantRole.WITNESS && "witness@example.com".equals(p.address())));
    }

    @Test
    void followUpIsNotRelayedToAMemberLeftOutOfTheCase() throws Exception {
        mail.send(REPORTER, "Another report", "This one is about Carol Danvers.", Map.of());
        conductd.settle();
        String secondAck = MessageId.parseOne(mail.receivedBy(REPORTER, "ack").get(1).getMessageID());

        mail.send(REPORTER, "Re: Another report", "More about it.", Map.of("In-Reply-To", "<" + secondAck + ">"));
        conductd.settle();

        assertTrue(mail.receivedBy("carol@example.org").stream().noneMatch(m -> {
            try {
                return m.getSubject().contains("#2");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), "carol receives nothing about case 2");
        assertEquals(1, mail.receivedBy("alice@example.org", "relay").size());
    }
}
