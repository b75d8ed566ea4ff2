package org.conductd.commands;

import static org.conductd.commands.CommandFixtures.ALICE;
import static org.conductd.commands.CommandFixtures.PARSER;
import static org.conductd.commands.CommandFixtures.commands;
import static org.conductd.commands.CommandFixtures.only;
import static org.conductd.commands.CommandFixtures.parsed;
import static org.conductd.commands.CommandFixtures.problem;
import static org.conductd.commands.CommandFixtures.problems;
import static org.conductd.commands.CommandFixtures.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.conductd.mail.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which lines of a reply are commands, what is left as discussion, and how bad lines are reported. */
class CommandParserTest {

    private static final ParseResult.Parsed NOTHING = new ParseResult.Parsed(List.of(), "");

    @Nested
    class RecognisingCommands {

        @Test
        void lowerCaseKeywordIsACommand() {
            assertEquals(new Command.Note("the venue knows"), only("note: the venue knows"));
        }

        @Test
        void capitalisedProseKeywordIsACommandToo() {
            assertEquals(new Command.Note("the venue knows"), only("Note: the venue knows"));
        }

        @Test
        void leadingSpacesAreAllowed() {
            assertEquals(new Command.SetSeverity(Severity.LOW), only("   SEVERITY: low"));
        }

        @Test
        void aLineIndentedFourColumnsIsAnExampleNotACommand() {
            for (String indent : List.of("    ", "\t", "  \t", "\u00a0\u00a0\u00a0\u00a0", " \u00a0 \u2003", "     ")) {
                assertEquals(NOTHING.commands(), parsed(indent + "APPROVE").commands(), "indent " + indent.codePoints().boxed().toList());
                assertEquals(NOTHING.commands(), parsed(indent + "REJECT: the reason").commands());
                assertEquals(NOTHING.commands(), parsed(indent + "SEND-NOW: the reason").commands());
                assertEquals(NOTHING.commands(), parsed(indent + "RESOLVED: warning").commands(), "not even a problem");
            }
        }

        @Test
        void anIndentedExampleInsideALetterStaysInTheLetter() {
            Command.Reply reply = (Command.Reply) only("REPLY: reporter\nWe will write:\n    APPROVE\nThanks");
            assertEquals("We will write:\n    APPROVE\nThanks", reply.body());
        }

        @Test
        void spaceBeforeTheColonIsAllowed() {
            assertEquals(new Command.SetSeverity(Severity.LOW), only("SEVERITY : low"));
        }

        @Test
        void noBreakSpacesFromHtmlMailCountAsSpaces() {
            assertEquals(new Command.SetSeverity(Severity.LOW), only("\u00a0\u00a0SEVERITY:\u00a0low"));
        }

        @Test
        void boldBareKeywordIsACommand() {
            assertEquals(new Command.Status(), only("**STATUS**"));
        }

        @Test
        void bareKeywordInAnyCaseIsACommand() {
            assertEquals(new Command.Close(), only("close"));
        }

        @Test
        void boldMarkersAroundTheKeywordAndColonAreDropped() {
            assertEquals(new Command.Note("x"), only("*NOTE:* x"));
        }

        @Test
        void doubleBoldMarkersBeforeTheColonAreDropped() {
            assertEquals(new Command.Resolve("warning", ""), only("**RESOLVE**: warning"));
        }

        @Test
        void bulletPointIsNotBoldMarkup() {
            assertEquals(new ParseResult.Parsed(List.of(), "* NOTE: first point"), parsed("* NOTE: first point"));
        }

        @Test
        void keywordFollowedByProseWithoutAColonIsDiscussion() {
            assertEquals(new ParseResult.Parsed(List.of(), "Close the case once Bob agrees."),
                    parsed("Close the case once Bob agrees."));
        }

        @Test
        void keywordInsideALineIsDiscussion() {
            assertEquals(List.of(), commands("I would RESOLVE: warning here."));
        }

        @Test
        void boldCommandsFromGmailAreRead() {
            assertEquals(List.of(new Command.SetSeverity(Severity.HIGH), new Command.Assign(ALICE)),
                    commands(reply("gmail-bold-commands")));
        }
    }

    @Nested
    class UnknownCommands {

        @Test
        void mistypedKeywordSuggestsTheNearestOne() {
            assertEquals("\"RESOLVED\" is not a command; did you mean RESOLVE?", problem("RESOLVED: warning").reason());
        }

        @Test
        void swappedLettersSuggestTheKeyword() {
            assertEquals("\"SEVERTIY\" is not a command; did you mean SEVERITY?", problem("SEVERTIY: high").reason());
        }

        @Test
        void keywordWrittenWithASpaceSuggestsTheHyphenatedOne() {
            assertEquals("\"SEND NOW\" is not a command; did you mean SEND-NOW?", problem("SEND NOW: danger").reason());
        }

        @Test
        void equallyNearKeywordsAreAllSuggested() {
            assertEquals("\"REPORT\" is not a command; did you mean REPORTER or REPORTED?",
                    problem("REPORT: Jan Doe").reason());
        }

        @Test
        void unknownCapitalisedWordIsABadCommandListingTheKeywords() {
            Problem problem = problem("ESCALATE: to the board");
            assertEquals("\"ESCALATE\" is not a command", problem.reason());
            assertEquals(CommandTable.keywords(), problem.validChoices());
        }

        @Test
        void thanksBeforeAColonIsDiscussion() {
            assertEquals(new ParseResult.Parsed(List.of(), "Thanks: that was quick."), parsed("Thanks: that was quick."));
        }

        @Test
        void greetingBeforeAColonIsDiscussion() {
            assertEquals(List.of(), commands("Hi all:"));
        }

        @Test
        void postscriptsShoutingAndAddressesAreDiscussion() {
            String text = reply("postscript-and-shouting");
            assertEquals(new ParseResult.Parsed(List.of(), text.strip()), parsed(text));
        }

        @Test
        void shoutedCommandWithoutItsColonIsABadCommand() {
            Problem problem = problem("APPROVE D3");
            assertEquals("a colon must follow APPROVE; write APPROVE: D3", problem.reason());
        }

        @Test
        void shoutedBareCommandWithAValueIsABadCommand() {
            assertEquals("CLOSE takes no value; write CLOSE alone on its line", problem("CLOSE NOW").reason());
        }

        @Test
        void shoutedWordNearABareKeywordIsABadCommand() {
            assertEquals("\"APPROVED\" is not a command; did you mean APPROVE?", problem("APPROVED").reason());
        }

        @Test
        void shoutedWordNearAKeywordThatNeedsAValueIsDiscussion() {
            assertEquals(List.of(), commands("NOTED"));
        }
    }

    @Nested
    class Discussion {

        @Test
        void emptyReplyHoldsNothing() {
            assertEquals(NOTHING, PARSER.parse("", ALICE));
        }

        @Test
        void blankReplyHoldsNothing() {
            assertEquals(NOTHING, PARSER.parse("\n  \n\t\n", ALICE));
        }

        @Test
        void replyOfOnlyCommandsLeavesNoDiscussion() {
            assertEquals("", parsed("\nSEVERITY: high\n\nASSIGN: me\n").discussion());
        }

        @Test
        void nonCommandLinesAreKeptInOrder() {
            assertEquals("First line.\nSecond line.\n\nThird line.",
                    parsed("First line.\nNOTE: n\nSecond line.\n\nThird line.\nCLOSE").discussion());
        }

        @Test
        void removedCommandLeavesNoDoubleGap() {
            assertEquals("Hi,\n\nthanks.", parsed("Hi,\n\nNOTE: n\n\nthanks.").discussion());
        }

        @Test
        void windowsLineEndsAreLines() {
            assertEquals(new ParseResult.Parsed(List.of(new Command.Close()), "Done."), parsed("Done.\r\nCLOSE\r\n"));
        }

        @Test
        void commandsAreListedInTheOrderWritten() {
            assertEquals(List.of(new Command.Note("a"), new Command.SetSeverity(Severity.LOW), new Command.Note("b")),
                    commands("NOTE: a\nSEVERITY: low\nNOTE: b"));
        }
    }

    @Nested
    class Bodies {

        private final ParseResult.Parsed replyThenResolve = parsed(reply("reply-then-resolve"));

        @Test
        void replyBodyEndsAtTheNextCommand() {
            assertEquals(new Command.Reply(Recipient.REPORTER,
                            "Dear Riley,\n\nthank you for telling us. We have spoken to the person concerned.\n\nThe CARE team"),
                    replyThenResolve.commands().get(0));
        }

        @Test
        void resolveExplanationEndsAtTheNextCommand() {
            assertEquals(new Command.Resolve("warning",
                            "You were seen following an attendee after they asked you to stop.\n"
                                    + "Please keep your distance for the rest of the event."),
                    replyThenResolve.commands().get(1));
        }

        @Test
        void commandAfterABodyIsStillACommand() {
            assertEquals(new Command.Note("agreed on the call with Bob"), replyThenResolve.commands().get(2));
        }

        @Test
        void bodiesAreNotDiscussion() {
            assertEquals("Draft for the reporter below, and I'd resolve as a warning.", replyThenResolve.discussion());
        }

        @Test
        void blankLinesAroundABodyAreTrimmedButInnerOnesKept() {
            assertEquals(new Command.Reply(Recipient.REPORTED, "One.\n\nTwo."),
                    only("REPLY: reported\n\n\nOne.\n\nTwo.\n\n\n"));
        }

        @Test
        void keywordLikeLineInLowerCaseStaysInTheLetter() {
            assertEquals(new Command.Reply(Recipient.REPORTER, "Thank you.\nWhen: Saturday at the party\nNote: we are here."),
                    only("REPLY: reporter\nThank you.\nWhen: Saturday at the party\nNote: we are here."));
        }

        @Test
        void commandInCapitalsStillEndsTheLetter() {
            ParseResult.Parsed parsed = parsed("REPLY: reporter\nThank you.\nSEVERITY: high");
            assertEquals(new Command.Reply(Recipient.REPORTER, "Thank you."), parsed.commands().get(0));
            assertEquals(new Command.SetSeverity(Severity.HIGH), parsed.commands().get(1));
        }

        @Test
        void badCommandLineEndsABody() {
            List<Problem> problems = problems("REPLY: reporter\nHello.\nSEVERTY: high\nBye.");
            assertEquals(1, problems.size());
            assertEquals(3, problems.get(0).lineNumber());
        }
    }

    @Nested
    class AllOrNothing {

        @Test
        void oneBadLineRefusesTheWholeReply() {
            assertEquals(List.of(new Problem(2, "SEVERITY: extreme", "\"extreme\" is not a severity",
                    Severity.labels())), problems("NOTE: fine\nSEVERITY: extreme\nCLOSE"));
        }

        @Test
        void everyBadLineIsReportedWithItsLineNumber() {
            List<Problem> problems = problems(reply("several-bad-lines"));
            assertEquals(List.of(3, 5, 6, 7), problems.stream().map(Problem::lineNumber).toList());
        }

        @Test
        void eachProblemQuotesItsLineAsWritten() {
            List<Problem> problems = problems(reply("several-bad-lines"));
            assertEquals(List.of("SEVERTY: high", "RESOLVE: expel", "ASSIGN: Sam", "RESOLVED: warning"),
                    problems.stream().map(Problem::line).toList());
        }

        @Test
        void problemQuotesTheLineWithoutItsIndent() {
            assertEquals("SEVERITY: extreme", problem("  SEVERITY: extreme   ").line());
        }
    }

    @Nested
    class OnePerReply {

        @Test
        void secondResolveIsAProblemNamingTheFirst() {
            Problem problem = problem("RESOLVE: warning\nRESOLVE: ban");
            assertEquals(2, problem.lineNumber());
            assertEquals("only one RESOLVE per reply; the first is on line 1", problem.reason());
        }

        @Test
        void secondSeverityIsAProblem() {
            assertEquals(3, problem("SEVERITY: low\n\nSEVERITY: high").lineNumber());
        }

        @Test
        void oneReplyToEachPersonIsAllowed() {
            assertEquals(2, commands("REPLY: reporter\nHello.\nREPLY: reported\nHello too.").size());
        }

        @Test
        void secondReplyToTheSamePersonIsAProblem() {
            assertEquals("only one REPLY to the reporter per reply; the first is on line 1",
                    problem("REPLY: reporter\nHello.\nREPLY: Reporter\nAgain.").reason());
        }

        @Test
        void differentDraftsMayBeApprovedTogether() {
            assertEquals(List.of(new Command.Approve("D3"), new Command.Approve("D4")),
                    commands("APPROVE: D3\nAPPROVE: D4"));
        }

        @Test
        void sameDraftApprovedTwiceIsAProblem() {
            assertEquals("only one APPROVE of D3 per reply; the first is on line 1",
                    problem("APPROVE: D3\napprove: d3").reason());
        }

        @Test
        void notesMayRepeat() {
            assertEquals(2, commands("NOTE: one\nNOTE: two").size());
        }
    }
}
