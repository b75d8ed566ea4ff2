package org.conductd.app;

import static org.conductd.app.IntakeIT.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.conductd.mail.MessageId;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.Disposition;
import org.conductd.store.MessageRepository;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Responders act on a case by replying (SPEC §3.3, §3.4, §4), end to end. */
class CommandsIT extends ConductdIT {

    static final String ALICE = "alice@example.org";
    static final String BOB = "bob@example.org";
    static final String CAROL = "carol@example.org";
    static final String REPORTER = "jane@example.net";

    @BeforeEach
    void openACase() {
        mail.send(REPORTER, "Harassment at the party", "Someone kept following me.", Map.of());
        conductd.settle();
    }

    /** Replies as a member to the first mail they got about a case, as a mail client would. */
    void reply(String member, String text) {
        reply(member, text, firstMailTo(member));
    }

    void reply(String member, String text, String inReplyTo) {
        mail.send(member, "Re: [CoC #1] New report", text,
                Map.of("In-Reply-To", "<" + inReplyTo + ">", "References", "<" + inReplyTo + ">"));
        conductd.settle();
    }

    String firstMailTo(String member) {
        try {
            return MessageId.parseOne(mail.receivedBy(member, "case-notification").get(0).getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    CaseRecord theCase() {
        return conductd.bean(CaseRepository.class).findById(1L).orElseThrow();
    }

    String lastBody(String to, String kind) throws Exception {
        List<MimeMessage> found = mail.receivedBy(to, kind);
        assertFalse(found.isEmpty(), "no " + kind + " mail to " + to);
        return body(found.get(found.size() - 1));
    }

    @Nested
    class Applying {

        @Test
        void severityIsSetAndTheSenderGetsATranscript() throws Exception {
            reply(ALICE, "SEVERITY: high");

            assertEquals("high", theCase().severity());
            assertTrue(lastBody(ALICE, "transcript").contains("Severity set to high"));
        }

        @Test
        void urgentSeverityAlertsTheOtherRespondersAndTheOrganizers() {
            reply(ALICE, "SEVERITY: urgent");

            assertEquals(1, mail.receivedBy(BOB, "alert").size());
            assertEquals(1, mail.receivedBy(CAROL, "alert").size());
            assertEquals(1, mail.receivedBy("orga@example.org", "alert").size());
        }

        @Test
        void assignMeMakesTheSenderTheLead() {
            reply(BOB, "ASSIGN: me");

            assertEquals(BOB, theCase().lead());
        }

        @Test
        void assignByUniqueFirstNameFindsTheMember() {
            reply(ALICE, "assign: carol");

            assertEquals(CAROL, theCase().lead());
        }

        @Test
        void incidentFieldsAreRecorded() {
            reply(ALICE, "WHEN: Friday 22:00\nWHERE: the conference party\nSUMMARY: unwanted following\n"
                    + "PUBLIC-SUMMARY: an attendee was warned");

            CaseRecord c = theCase();
            assertEquals("Friday 22:00", c.incidentWhen());
            assertEquals("the conference party", c.incidentWhere());
            assertEquals("unwanted following", c.summary());
            assertEquals("an attendee was warned", c.publicSummary());
        }

        @Test
        void closeThenReopenFollowsTheStates() {
            reply(ALICE, "CLOSE");
            assertEquals(CaseState.CLOSED, theCase().state());

            reply(ALICE, "REOPEN: the reporter wrote again");
            assertEquals(CaseState.OPEN, theCase().state());
            assertNull(theCase().closedAt());
        }

        @Test
        void reopeningAnOpenCaseIsAnErrorAndChangesNothing() throws Exception {
            reply(ALICE, "REOPEN: why not\nSEVERITY: low");

            assertNull(theCase().severity(), "all or nothing");
            assertTrue(lastBody(ALICE, "command-error").contains("the case is open"));
        }

        @Test
        void everyChangeLandsInTheEventLogWithWhoAndWhichMessage() {
            reply(ALICE, "NOTE: spoke to the venue");

            String record = conductd.bean(CaseListing.class).record(1).orElseThrow();
            assertTrue(record.contains("note by " + ALICE + ": spoke to the venue"), record);
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownKeywordGetsAnErrorMailAndNothingIsApplied() throws Exception {
            reply(ALICE, "SEVERITY: high\nRESOLVED: warning");

            assertNull(theCase().severity());
            String error = lastBody(ALICE, "command-error");
            assertTrue(error.contains("RESOLVED: warning"), error);
            assertTrue(error.contains("RESOLVE"), error);
            assertTrue(mail.receivedBy(BOB, "relay").isEmpty(), "nothing is relayed either");
        }

        @Test
        void badValueListsTheValidChoices() throws Exception {
            reply(ALICE, "SEVERITY: extreme");

            String error = lastBody(ALICE, "command-error");
            assertTrue(error.contains("SEVERITY: extreme"), error);
            assertTrue(error.contains("low") && error.contains("urgent"), error);
        }

        @Test
        void commandQuotedFromEarlierMailIsIgnored() {
            reply(ALICE, "Agreed, let's wait.\n\nOn Fri, Bob wrote:\n> RESOLVE: warning\n> SEVERITY: high\n");

            assertNull(theCase().severity());
            assertTrue(mail.receivedBy(ALICE, "command-error").isEmpty());
            assertEquals(1, mail.receivedBy(BOB, "relay").size(), "the new text is discussion");
        }
    }

    @Nested
    class TheCaseAsAPrivateList {

        @Test
        void discussionGoesToTheOtherRespondersButNotBackToTheSender() throws Exception {
            reply(ALICE, "I will talk to the venue staff tomorrow.");

            assertTrue(lastBody(BOB, "relay").contains("I will talk to the venue staff tomorrow."));
            assertEquals(1, mail.receivedBy(CAROL, "relay").size());
            assertTrue(mail.receivedBy(ALICE, "relay").isEmpty());
            assertTrue(mail.receivedBy(REPORTER).stream().allMatch(m -> "ack".equals(
                    org.conductd.support.TestMail.header(m, "X-Conductd-Kind"))), "the reporter never sees it");
        }

        @Test
        void replyHoldingOnlyCommandsRelaysNothing() {
            reply(ALICE, "NOTE: checked the badge list");

            assertTrue(mail.receivedBy(BOB, "relay").isEmpty());
        }

        @Test
        void conflictedMemberReceivesNothingFromThenOn() {
            reply(ALICE, "CONFLICT: Carol Danvers");
            int before = mail.receivedBy(CAROL).size();

            reply(BOB, "Carol is friends with the person, right?");
            mail.send(REPORTER, "Re: more", "It happened again.", Map.of("In-Reply-To", "<" + ackId() + ">"));
            conductd.settle();
            reply(BOB, "SEVERITY: urgent");

            assertEquals(before, mail.receivedBy(CAROL).size(), "no relay, follow-up or alert reaches carol");
        }

        @Test
        void conflictClearedByAnotherMemberBringsThemBack() {
            reply(ALICE, "CONFLICT: me");
            reply(BOB, "CONFLICT-CLEAR: alice");
            reply(CAROL, "Welcome back.");

            assertEquals(1, mail.receivedBy(ALICE, "relay").size());
        }

        @Test
        void memberCannotClearTheirOwnConflict() throws Exception {
            reply(BOB, "CONFLICT: Carol Danvers");
            reply(CAROL, "CONFLICT-CLEAR: me");

            assertTrue(conductd.bean(CaseListing.class).record(1).orElseThrow().contains("LEFT OUT"));
        }

        String ackId() {
            try {
                return MessageId.parseOne(mail.receivedBy(REPORTER, "ack").get(0).getMessageID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    class Authentication {

        @Test
        void spoofedFromWithoutATokenIsRefusedAndTheMemberIsWarned() throws Exception {
            mail.send(ALICE, "Re: [CoC #1] New report", "SEVERITY: low\nLet's drop this.", Map.of());
            conductd.settle();

            assertNull(theCase().severity());
            assertTrue(lastBody(ALICE, "refusal").contains("does not answer mail"));
            assertTrue(mail.receivedBy(BOB, "relay").isEmpty(), "its text is not relayed");
            assertEquals(1, conductd.bean(MessageRepository.class).findByDispositionOrderById(Disposition.REFUSED).size());
        }

        @Test
        void validTokenOfAnotherMemberIsRefused() throws Exception {
            reply(BOB, "SEVERITY: low", firstMailTo(ALICE));

            assertNull(theCase().severity());
            assertTrue(lastBody(BOB, "refusal").contains("another team member"));
        }

        @Test
        void replyToPointingAtAResponderGivesAStrangerNoPowers() {
            mail.send("mallory@example.com", "Re: [CoC #1]", "SEVERITY: low",
                    Map.of("Reply-To", ALICE, "In-Reply-To", "<" + firstMailTo(ALICE) + ">"));
            conductd.settle();

            assertNull(theCase().severity());
            assertTrue(mail.receivedBy(ALICE, "transcript").isEmpty());
        }

        @Test
        void statusIsAnsweredToTheRosterAddressWithoutAToken() throws Exception {
            mail.send(ALICE, "Re: [CoC #1]", "STATUS", Map.of());
            conductd.settle();

            String status = lastBody(ALICE, "transcript");
            assertTrue(status.contains("State: open"), status);
            assertTrue(mail.receivedBy(ALICE, "refusal").isEmpty());
        }

        @Test
        void helpListsTheCommandsFromTheParsersTable() throws Exception {
            reply(ALICE, "HELP");

            String help = lastBody(ALICE, "transcript");
            for (String keyword : List.of("NOTE", "SEVERITY", "ASSIGN", "CONFLICT-CLEAR", "REPORTED", "RESOLVE",
                    "PUBLIC-SUMMARY", "REOPEN", "STATUS")) {
                assertTrue(help.contains(keyword), keyword + " missing from " + help);
            }
        }
    }

    @Nested
    class Patterns {

        @Test
        void repeatReportedPersonTriggersAPatternNotice() throws Exception {
            reply(ALICE, "REPORTED: Mallory Example <mallory@example.com>");
            mail.send("sam@example.net", "Another report", "The same person again.", Map.of());
            conductd.settle();
            String secondCase = MessageId.parseOne(mail.receivedBy(BOB, "case-notification").get(1).getMessageID());

            reply(BOB, "REPORTED: mallory example", secondCase);

            String notice = lastBody(CAROL, "alert");
            assertTrue(notice.contains("case 1"), notice);
            assertTrue(lastBody(BOB, "transcript").contains("1 earlier case"));
        }
    }
}
