package org.conductd.app;

import static org.conductd.app.IntakeIT.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.conductd.mail.MessageId;
import org.conductd.mail.Severity;
import org.conductd.reports.CaseListing;
import org.conductd.store.CaseRecord;
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

    String firstMailTo(String member) {
        try {
            return MessageId.parseOne(mail.receivedBy(member, "case-notification").get(0).getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Applying {

        @Test
        void severityIsSetAndTheSenderGetsATranscript() throws Exception {
            reply(ALICE, "SEVERITY: high");

            assertEquals(Severity.HIGH, theCase().severity());
            assertTrue(latest(ALICE, "transcript").contains("Severity set to high"));
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
            assertTrue(latest(ALICE, "command-error").contains("the case is open"));
        }

        @Test
        void commandsAreCheckedInTheOrderTheyApply() throws Exception {
            reply(ALICE, "CONFLICT: bob\nASSIGN: bob");
            assertNull(theCase().lead(), "a member conflicted a line above cannot lead");
            assertTrue(latest(ALICE, "command-error").contains("ASSIGN: bob"), "the error quotes the line");

            reply(CAROL, "CONFLICT: bob");
            reply(ALICE, "CONFLICT-CLEAR: bob\nASSIGN: bob");
            assertEquals(BOB, theCase().lead());
        }

        @Test
        void urgentAlertsOnlyWhenTheCaseBecomesUrgent() {
            reply(ALICE, "SEVERITY: urgent");
            reply(BOB, "SEVERITY: urgent");

            assertEquals(1, mail.receivedBy("orga@example.org", "alert").size());
        }

        @Test
        void organizersAlertCarriesNoCaseContent() throws Exception {
            reply(ALICE, "SEVERITY: urgent");

            String alert = latest("orga@example.org", "alert");
            assertFalse(alert.contains("following") || alert.contains(REPORTER), alert);
            assertFalse(alert.contains("STATUS"), "organizers are not invited to ask for the record");
        }

        @Test
        void reporterCommandAddsAPersonWithoutLosingTheOneWhoWroteIn() throws Exception {
            reply(ALICE, "REPORTER: Jane Friend <friend@example.net>");
            mail.send(REPORTER, "Re: more", "One more thing.", Map.of("References", "<" + ackId() + ">"));
            conductd.settle();

            String relay = latest(BOB, "relay");
            assertTrue(relay.contains("the reporter"), relay);
            assertFalse(relay.contains("new participant"), relay);
        }

        @Test
        void everyChangeLandsInTheEventLogWithWhoAndWhichMessage() {
            reply(ALICE, "NOTE: spoke to the venue");

            String record = conductd.bean(CaseListing.class).record(1).orElseThrow();
            assertTrue(record.contains("note by " + ALICE + ": spoke to the venue"), record);
        }

        @Test
        void theRecordShowsNoControlCharactersFromEventDetails() {
            reply(ALICE, "NOTE: spoke to the \u001b[2J\u001b]0;owned\u0007venue\u0008\u0008");

            String record = conductd.bean(CaseListing.class).record(1).orElseThrow();
            assertTrue(record.contains("spoke to the"), record);
            assertFalse(record.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\t'),
                    "no escape, bell or backspace reaches the terminal");
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownKeywordGetsAnErrorMailAndNothingIsApplied() throws Exception {
            reply(ALICE, "SEVERITY: high\nRESOLVED: warning");

            assertNull(theCase().severity());
            String error = latest(ALICE, "command-error");
            assertTrue(error.contains("RESOLVED: warning"), error);
            assertTrue(error.contains("RESOLVE"), error);
            assertTrue(mail.receivedBy(BOB, "relay").isEmpty(), "nothing is relayed either");
        }

        @Test
        void badValueListsTheValidChoices() throws Exception {
            reply(ALICE, "SEVERITY: extreme");

            String error = latest(ALICE, "command-error");
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

            assertTrue(latest(BOB, "relay").contains("I will talk to the venue staff tomorrow."));
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
        void conflictedMemberCannotActOnTheCaseNotEvenToClearTheirConflict() throws Exception {
            reply(BOB, "CONFLICT: Carol Danvers");
            reply(CAROL, "CONFLICT-CLEAR: me");

            assertTrue(conductd.bean(CaseListing.class).record(1).orElseThrow().contains("LEFT OUT"));
            String refusal = latest(CAROL, "refusal");
            assertTrue(refusal.contains("conflict of interest"), refusal);
            assertFalse(refusal.contains("following"), "the refusal carries no case content");
        }

        @Test
        void clearingAConflictNobodyHasIsAnError() throws Exception {
            reply(ALICE, "CONFLICT-CLEAR: me");

            assertTrue(latest(ALICE, "command-error").contains("you have no conflict"));
        }

        @Test
        void memberDeclaredConflictedInAReplyGetsNothingOfThatSameReply() throws Exception {
            reply(ALICE, "SEVERITY: urgent\nREPORTED: Mallory <mallory@example.com>\nCONFLICT: bob\n"
                    + "Bob is close to the reported person.");

            var toBob = mail.receivedBy(BOB).stream().filter(m -> !"case-notification".equals(
                    org.conductd.support.TestMail.header(m, "X-Conductd-Kind"))).toList();
            assertEquals(1, toBob.size(), "no relay or alert of the reply for bob, only that he was declared conflicted");
            String notice = subject(toBob.get(0)) + "\n" + body(toBob.get(0));
            assertTrue(notice.contains("conflict of interest"), notice);
            assertFalse(notice.contains("Mallory") || notice.contains("close to the reported person")
                    || notice.contains("urgent"), notice);
            assertEquals(1, mail.receivedBy(CAROL, "relay").size());
            assertEquals(1, mail.receivedBy(CAROL, "alert").size());
        }

        @Test
        void leadWhoDeclaresAConflictStopsLeading() {
            reply(ALICE, "ASSIGN: me");
            reply(ALICE, "CONFLICT: me");

            assertNull(theCase().lead());
        }

    }

    String ackId() {
        try {
            return MessageId.parseOne(mail.receivedBy(REPORTER, "ack").get(0).getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Authentication {

        @Test
        void spoofedFromWithoutATokenIsRefusedAndTheMemberIsWarned() throws Exception {
            mail.send(ALICE, "Re: [CoC #1] New report", "SEVERITY: low\nLet's drop this.", Map.of());
            conductd.settle();

            assertNull(theCase().severity());
            assertTrue(latest(ALICE, "refusal").contains("does not answer mail"));
            assertTrue(mail.receivedBy(BOB, "relay").isEmpty(), "its text is not relayed");
            assertEquals(1, conductd.bean(MessageRepository.class).findByDispositionOrderById(Disposition.REFUSED).size());
        }

        @Test
        void validTokenOfAnotherMemberIsRefused() throws Exception {
            reply(BOB, "SEVERITY: low", firstMailTo(ALICE));

            assertNull(theCase().severity());
            assertTrue(latest(BOB, "refusal").contains("another team member"));
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

            String status = latest(ALICE, "transcript");
            assertTrue(status.contains("State: open"), status);
            assertTrue(mail.receivedBy(ALICE, "refusal").isEmpty());
        }

        @Test
        void forgedStatusAndRefusedCommandsShareOneHourlyLimitOfAnswers() {
            for (int i = 0; i < 2; i++) {
                mail.send(ALICE, "Re: [CoC #1]", "SEVERITY: low", Map.of());
            }
            for (int i = 0; i < 8; i++) {
                mail.send(ALICE, "Re: [CoC #1]", "STATUS", Map.of());
            }
            conductd.settle();

            int answers = mail.receivedBy(ALICE, "transcript").size() + mail.receivedBy(ALICE, "refusal").size();
            assertEquals(3, answers, "3 automatic answers an hour to one address, whatever their kind");
        }

        @Test
        void helpListsTheCommandsFromTheParsersTable() throws Exception {
            reply(ALICE, "HELP");

            String help = latest(ALICE, "transcript");
            for (String keyword : org.conductd.commands.CommandTable.keywords()) {
                assertTrue(help.contains(keyword), keyword + " missing from " + help);
            }
        }

        @Test
        void refusalsToOneMemberAreRateLimited() {
            for (int i = 0; i < 5; i++) {
                mail.send(ALICE, "Re: [CoC #1] forged " + i, "SEVERITY: low", Map.of());
            }
            conductd.settle();

            assertEquals(3, mail.receivedBy(ALICE, "refusal").size());
        }
    }

    @Nested
    class AnonymousCases {

        @BeforeEach
        void openAnAnonymousCase() {
            mail.send("anon@example.net", "Anonymous report", "Please keep my name out of it.", Map.of());
            conductd.settle();
        }

        @Test
        void statusNeverShowsTheAnonymousReporter() throws Exception {
            String token = MessageId.parseOne(mail.receivedBy(ALICE, "case-notification").get(1).getMessageID());
            reply(ALICE, "REPORTER: Anon Person <anon@example.net>\nSTATUS", token);

            MimeMessage statusMail = mail.receivedBy(ALICE, "transcript").stream()
                    .filter(m -> subject(m).endsWith(": status")).findFirst().orElseThrow();
            String status = body(statusMail);
            assertTrue(status.contains("Reporter (anonymous, case 2)"), status);
            assertFalse(status.contains("anon@example.net"), status);
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

            String notice = latest(CAROL, "alert");
            assertTrue(notice.contains("case 1"), notice);
            assertTrue(latest(BOB, "transcript").contains("1 earlier case"));
        }
    }
}
