package org.conductd.commands;

import static org.conductd.commands.CommandFixtures.ALICE;
import static org.conductd.commands.CommandFixtures.BOB;
import static org.conductd.commands.CommandFixtures.PARSER;
import static org.conductd.commands.CommandFixtures.RESOLUTIONS;
import static org.conductd.commands.CommandFixtures.SAM_JONES;
import static org.conductd.commands.CommandFixtures.SAM_LEE;
import static org.conductd.commands.CommandFixtures.only;
import static org.conductd.commands.CommandFixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.conductd.mail.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each command's values: what is accepted and normalised, and how a bad value is explained. */
class CommandValuesTest {

    private static final List<String> TEAM_NAMES = List.of("Alice Example", "Bob Builder", "Sam Jones", "Sam Lee");

    @Nested
    class Note {

        @Test
        void noteKeepsItsTextAsWritten() {
            assertEquals(new Command.Note("Venue staff were told at 14:00."),
                    only("NOTE: Venue staff were told at 14:00."));
        }

        @Test
        void noteWithoutTextIsABadValue() {
            assertEquals("NOTE needs the text of the note", problem("NOTE:").reason());
        }
    }

    @Nested
    class SeverityCommand {

        @Test
        void levelIsReadInAnyCase() {
            assertEquals(new Command.SetSeverity(Severity.URGENT), only("SEVERITY: Urgent"));
        }

        @Test
        void unknownLevelListsTheLevels() {
            Problem problem = problem("SEVERITY: extreme");
            assertEquals("\"extreme\" is not a severity", problem.reason());
            assertEquals(List.of("low", "medium", "high", "urgent"), problem.validChoices());
        }

        @Test
        void mistypedLevelSuggestsTheNearestOne() {
            assertEquals("\"hihg\" is not a severity; did you mean high?", problem("SEVERITY: hihg").reason());
        }

        @Test
        void missingLevelListsTheLevels() {
            assertEquals(List.of("low", "medium", "high", "urgent"), problem("SEVERITY").validChoices());
        }
    }

    @Nested
    class Assign {

        @Test
        void meIsTheSender() {
            assertEquals(new ParseResult.Parsed(List.of(new Command.Assign(BOB)), ""), PARSER.parse("ASSIGN: me", BOB));
        }

        @Test
        void meIsReadInAnyCase() {
            assertEquals(new Command.Assign(ALICE), only("ASSIGN: Me"));
        }

        @Test
        void fullNameInAnyCaseIsTheMember() {
            assertEquals(new Command.Assign(SAM_LEE), only("ASSIGN: sam LEE"));
        }

        @Test
        void uniqueFirstNameIsTheMember() {
            assertEquals(new Command.Assign(BOB), only("ASSIGN: bob"));
        }

        @Test
        void rosterAddressIsTheMember() {
            assertEquals(new Command.Assign(SAM_JONES), only("ASSIGN: Sam.Jones@example.org"));
        }

        @Test
        void aliasResolvesToTheRosterAddress() {
            assertEquals(new Command.Assign(SAM_LEE), only("ASSIGN: samlee@personal.example"));
        }

        @Test
        void nameWithAddressInBracketsIsReadByTheAddress() {
            assertEquals(new Command.Assign(ALICE), only("ASSIGN: Alice E. <alice.e@gmail.com>"));
        }

        @Test
        void ambiguousFirstNameListsTheCandidates() {
            Problem problem = problem("ASSIGN: Sam");
            assertEquals("\"Sam\" could be more than one member; write the full name or an address", problem.reason());
            assertEquals(List.of("Sam Jones", "Sam Lee"), problem.validChoices());
        }

        @Test
        void unknownMemberListsTheRosterNames() {
            Problem problem = problem("ASSIGN: Zed");
            assertEquals("no one on the team is \"Zed\"", problem.reason());
            assertEquals(TEAM_NAMES, problem.validChoices());
        }

        @Test
        void addressOffTheRosterIsUnknown() {
            assertEquals(TEAM_NAMES, problem("ASSIGN: mallory@example.org").validChoices());
        }

        @Test
        void mistypedNameSuggestsTheNearestMember() {
            assertEquals("no one on the team is \"Bob Bilder\"; did you mean Bob Builder?",
                    problem("ASSIGN: Bob Bilder").reason());
        }

        @Test
        void missingMemberListsTheRosterNames() {
            Problem problem = problem("ASSIGN:");
            assertEquals("ASSIGN needs a member: me, a name or an address", problem.reason());
            assertEquals(TEAM_NAMES, problem.validChoices());
        }
    }

    @Nested
    class Conflicts {

        @Test
        void conflictOfMeIsTheSender() {
            assertEquals(new Command.Conflict(ALICE), only("CONFLICT: me"));
        }

        @Test
        void conflictClearNamesAnotherMember() {
            assertEquals(new Command.ConflictClear(BOB), only("CONFLICT-CLEAR: Bob Builder"));
        }

        @Test
        void conflictClearOfAnAmbiguousNameListsTheCandidates() {
            assertEquals(List.of("Sam Jones", "Sam Lee"), problem("CONFLICT-CLEAR: sam").validChoices());
        }

        @Test
        void conflictOfAnUnknownMemberListsTheRosterNames() {
            assertEquals(TEAM_NAMES, problem("CONFLICT: the organizer").validChoices());
        }
    }

    @Nested
    class People {

        @Test
        void nameAndAddressAreBothKept() {
            assertEquals(new Command.SetReporter("Riley Reporter", "riley@example.net"),
                    only("REPORTER: Riley Reporter <Riley@Example.NET>"));
        }

        @Test
        void quotedDisplayNameLosesItsQuotes() {
            assertEquals(new Command.SetReported("Doe, Jan", "jan@example.net"),
                    only("REPORTED: \"Doe, Jan\" <jan@example.net>"));
        }

        @Test
        void bracketedAddressAloneHasNoName() {
            assertEquals(new Command.SetReported(null, "jan@example.net"), only("REPORTED: <jan@example.net>"));
        }

        @Test
        void bareAddressAloneHasNoName() {
            assertEquals(new Command.SetReported(null, "jan@example.net"), only("REPORTED: jan@example.net"));
        }

        @Test
        void nameFollowedByABareAddressIsSplit() {
            assertEquals(new Command.SetReported("Jan Doe", "jan@example.net"), only("REPORTED: Jan Doe jan@example.net"));
        }

        @Test
        void anAddressEndingTheLineLikeASentenceLeavesItsPunctuationOut() {
            assertEquals(new Command.SetReported("Jan Doe", "jan@example.net"), only("REPORTED: Jan Doe jan@example.net,"));
            assertEquals(new Command.SetReported(null, "jan@example.net"), only("REPORTED: jan@example.net."));
        }

        @Test
        void nameAloneHasNoAddress() {
            assertEquals(new Command.SetReported("the man in the red hoodie", null),
                    only("REPORTED: the man in the red hoodie"));
        }

        @Test
        void malformedAddressIsABadValue() {
            Problem problem = problem("REPORTED: Jan <jan@>");
            assertEquals("\"jan@\" is not an email address", problem.reason());
            assertEquals(List.of("Name <address>", "<address>", "Name"), problem.validChoices());
        }

        @Test
        void unclosedBracketIsABadValue() {
            assertEquals("write the address inside <…>, after the name", problem("REPORTER: Jan <jan@example.net").reason());
        }

        @Test
        void missingPersonIsABadValue() {
            assertEquals("REPORTER needs a name, an address, or both, as Name <address>", problem("REPORTER:").reason());
        }
    }

    @Nested
    class IncidentFields {

        @Test
        void whenKeepsItsText() {
            assertEquals(new Command.SetWhen("Saturday, around 22:00"), only("WHEN: Saturday, around 22:00"));
        }

        @Test
        void whereKeepsItsText() {
            assertEquals(new Command.SetWhere("the speakers' dinner"), only("WHERE: the speakers' dinner"));
        }

        @Test
        void summaryKeepsItsText() {
            assertEquals(new Command.SetSummary("Unwanted contact at the dinner"),
                    only("SUMMARY: Unwanted contact at the dinner"));
        }

        @Test
        void publicSummaryKeepsItsText() {
            assertEquals(new Command.SetPublicSummary("An attendee was warned about unwanted contact."),
                    only("PUBLIC-SUMMARY: An attendee was warned about unwanted contact."));
        }

        @Test
        void emptyFieldIsABadValue() {
            assertEquals("WHERE needs a place", problem("WHERE:   ").reason());
        }
    }

    @Nested
    class Reply {

        @Test
        void replyToTheReporterTakesTheTextBelow() {
            assertEquals(new Command.Reply(Recipient.REPORTER, "Hello,\nwe are looking into it."),
                    only("REPLY: reporter\nHello,\nwe are looking into it."));
        }

        @Test
        void recipientIsReadInAnyCase() {
            assertEquals(Recipient.REPORTED, assertInstanceOf(Command.Reply.class, only("reply: Reported\nHi.")).to());
        }

        @Test
        void unknownRecipientListsReporterAndReported() {
            Problem problem = problem("REPLY: the venue\nHi.");
            assertEquals("\"the venue\" is not someone conductd can write to", problem.reason());
            assertEquals(List.of("reporter", "reported"), problem.validChoices());
        }

        @Test
        void replyWithoutAMessageIsABadValue() {
            assertEquals("REPLY needs the message on the lines below it", problem("REPLY: reporter\n\n").reason());
        }

        @Test
        void replyWithoutARecipientListsTheChoices() {
            assertEquals(List.of("reporter", "reported"), problem("REPLY\nHi.").validChoices());
        }
    }

    @Nested
    class Resolve {

        @Test
        void resolutionIsNormalisedToLowerCase() {
            assertEquals(new Command.Resolve("warning", ""), only("RESOLVE: Warning"));
        }

        @Test
        void explanationIsTheTextBelow() {
            assertEquals(new Command.Resolve("no-contact", "Please keep away from the reporter."),
                    only("RESOLVE: no-contact\nPlease keep away from the reporter."));
        }

        @Test
        void unknownResolutionListsEveryResolution() {
            Problem problem = problem("RESOLVE: expel");
            assertEquals("\"expel\" is not a resolution", problem.reason());
            assertEquals(RESOLUTIONS, problem.validChoices());
        }

        @Test
        void resolutionWrittenWithASpaceSuggestsTheHyphenatedOne() {
            assertEquals("\"no action\" is not a resolution; did you mean no-action?",
                    problem("RESOLVE: no action").reason());
        }

        @Test
        void abbreviatedResolutionSuggestsTheFullOne() {
            assertEquals("\"warn\" is not a resolution; did you mean warning?", problem("RESOLVE: warn").reason());
        }

        @Test
        void missingResolutionListsEveryResolution() {
            assertEquals(RESOLUTIONS, problem("RESOLVE").validChoices());
        }

        @Test
        void onlyConfiguredResolutionsAreAccepted() {
            CommandParser parser = new CommandParser(CommandFixtures.ROSTER, List.of("Warning", "Ban"));
            assertInstanceOf(ParseResult.Problems.class, parser.parse("RESOLVE: no-action", ALICE));
            assertEquals(new ParseResult.Parsed(List.of(new Command.Resolve("ban", "")), ""),
                    parser.parse("RESOLVE: BAN", ALICE));
        }
    }

    @Nested
    class DsfReport {

        @Test
        void narrativeIsTheTextBelow() {
            assertEquals(new Command.DsfReport("At the dinner, an attendee\nfollowed the reporter."),
                    only("DSF-REPORT\nAt the dinner, an attendee\nfollowed the reporter."));
        }

        @Test
        void narrativeMayBeLeftOut() {
            assertEquals(new Command.DsfReport(""), only("DSF-REPORT"));
        }

        @Test
        void textOnTheCommandLineStartsTheNarrative() {
            assertEquals(new Command.DsfReport("At the dinner,\nmore below."),
                    only("DSF-REPORT: At the dinner,\nmore below."));
        }
    }

    @Nested
    class Approve {

        @Test
        void bareApproveNamesNoDraft() {
            assertEquals(new Command.Approve(null), only("APPROVE"));
        }

        @Test
        void draftIdIsNormalised() {
            assertEquals(new Command.Approve("D7"), only("approve: d07"));
        }

        @Test
        void numberWithoutTheDIsABadValue() {
            Problem problem = problem("APPROVE: 3");
            assertEquals("\"3\" is not a draft; drafts are named D1, D2, … in their approval requests", problem.reason());
            assertEquals(List.of("APPROVE", "APPROVE: D<n>"), problem.validChoices());
        }

        @Test
        void draftZeroIsABadValue() {
            problem("APPROVE: D0");
        }
    }

    @Nested
    class Reasons {

        @Test
        void rejectKeepsItsReason() {
            assertEquals(new Command.Reject("Too harsh; soften the second paragraph."),
                    only("REJECT: Too harsh; soften the second paragraph."));
        }

        @Test
        void rejectWithoutAReasonIsABadValue() {
            assertEquals("REJECT needs a reason, which the draft's author is told", problem("REJECT").reason());
        }

        @Test
        void sendNowKeepsItsReason() {
            assertEquals(new Command.SendNow("Reporter is in danger tonight"), only("SEND-NOW: Reporter is in danger tonight"));
        }

        @Test
        void sendNowWithoutAReasonIsABadValue() {
            assertTrue(problem("SEND-NOW:").reason().startsWith("SEND-NOW needs a reason"));
        }

        @Test
        void reopenKeepsItsReason() {
            assertEquals(new Command.Reopen("New report about the same person"),
                    only("REOPEN: New report about the same person"));
        }

        @Test
        void reopenWithoutAReasonIsABadValue() {
            assertEquals("REOPEN needs a reason", problem("reopen").reason());
        }
    }

    @Nested
    class BareCommands {

        @Test
        void closeTakesNoValue() {
            assertEquals(new Command.Close(), only("CLOSE"));
        }

        @Test
        void statusTakesNoValue() {
            assertEquals(new Command.Status(), only("STATUS"));
        }

        @Test
        void helpTakesNoValue() {
            assertEquals(new Command.Help(), only("HELP"));
        }

        @Test
        void colonWithNothingAfterItIsStillBare() {
            assertEquals(new Command.Close(), only("CLOSE:"));
        }

        @Test
        void valueAfterABareCommandIsABadValue() {
            Problem problem = problem("Status: waiting for the venue to call back");
            assertEquals("STATUS takes no value; write STATUS alone on its line", problem.reason());
            assertEquals(List.of("STATUS"), problem.validChoices());
        }
    }
}
