package org.conductd.commands;

import static org.conductd.commands.CommandFixtures.ALICE;
import static org.conductd.commands.CommandFixtures.PARSER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.conductd.mail.Severity;
import org.junit.jupiter.api.Test;

/**
 * Commands count only in the author's own block (SPEC §3.4): above the first quote,
 * attribution, header block, forwarded part or signature, or, when a reply opens with a quote,
 * in the author's first lines below it. A command in a later inline answer is not run: the
 * sender is told to write it at the top.
 */
class AuthorBlockTest {

    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    @Test
    void aTopPostedReplyIsItsOwnBlock() {
        String reply = "APPROVE\nLooks right to me.\n\nOn Tue, 3 Mar 2026 at 10:00, conductd <conduct@example.org> wrote:\n"
                + "> To approve it, reply to this mail with the line\n>\n>     APPROVE\n";
        assertEquals("APPROVE\nLooks right to me.", trimmer.authorBlockOfPlain(reply));
        assertEquals(List.of(new Command.Approve(null)), parsed(reply).commands());
    }

    @Test
    void aCommandInAnInlineAnswerIsNotRun() {
        String reply = "I agree with the draft.\n\n> Do we send it?\n\nAPPROVE\n\n> Anything else?\n\nNo.";
        assertEquals("I agree with the draft.", trimmer.authorBlockOfPlain(reply));
        ParseResult.Problems problems = assertInstanceOf(ParseResult.Problems.class, parse(reply));
        assertEquals(1, problems.problems().size());
        Problem problem = problems.problems().get(0);
        assertEquals("APPROVE", problem.line());
        assertEquals(CommandParser.BELOW_A_QUOTE, problem.reason());
        assertEquals(3, problem.lineNumber());
    }

    @Test
    void aBottomPostedReplyIsReadBelowTheQuote() {
        String reply = "On 3 March 2026 at 10:00, conductd <conduct@example.org> wrote:\n> Draft D3 needs approval.\n\n"
                + "APPROVE\n";
        assertEquals("APPROVE", trimmer.authorBlockOfPlain(reply));
        assertEquals(List.of(new Command.Approve(null)), parsed(reply).commands());
    }

    @Test
    void aSecondAnswerBelowABottomPostedOneIsNotRun() {
        String reply = "> Draft D3 needs approval.\n\nAPPROVE\n\n> Severity?\n\nSEVERITY: high\n";
        assertEquals("APPROVE", trimmer.authorBlockOfPlain(reply));
        Problem problem = assertInstanceOf(ParseResult.Problems.class, parse(reply)).problems().get(0);
        assertEquals("SEVERITY: high", problem.line());
    }

    @Test
    void anHtmlInlineAnswerBelowAGmailQuoteIsNotRun() {
        String html = "<div dir=\"ltr\">Fine by me.</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Tue, "
                + "3 Mar 2026 at 10:00 conductd &lt;conduct@example.org&gt; wrote:</div><blockquote class=\"gmail_quote\">"
                + "Severity?</blockquote><div>SEVERITY: high</div></div>";
        assertEquals("Fine by me.", trimmer.authorBlockOfHtml(html));
        String newText = trimmer.trimHtml(html);
        Problem problem = assertInstanceOf(ParseResult.Problems.class,
                PARSER.parse(newText, trimmer.authorBlockOfHtml(html), ALICE)).problems().get(0);
        assertEquals("SEVERITY: high", problem.line());
    }

    @Test
    void aMessageThatOpensWithAHeaderBlockIsRelayedButNeverRun() {
        String pasted = "From: Example Conf <conduct@example.org>\nSent: Tuesday, March 3, 2026 10:00 AM\n"
                + "To: Alice <alice@example.org>\nSubject: [CoC #12] Approval needed\n\nDraft D3 needs approval.\n"
                + "APPROVE\n";
        assertEquals("Draft D3 needs approval.\nAPPROVE", trimmer.trimPlain(pasted));
        assertEquals("", trimmer.authorBlockOfPlain(pasted));
        Problem problem = assertInstanceOf(ParseResult.Problems.class, parse(pasted)).problems().get(0);
        assertEquals("APPROVE", problem.line());
        assertEquals(CommandParser.BELOW_A_QUOTE, problem.reason());
    }

    @Test
    void discussionBelowAQuoteIsStillRelayed() {
        String reply = "Thanks.\n\n> Can you call the venue?\n\nYes, I called them this morning.";
        ParseResult.Parsed parsed = parsed(reply);
        assertEquals(List.of(), parsed.commands());
        assertEquals("Thanks.\n\nYes, I called them this morning.", parsed.discussion());
    }

    private ParseResult parse(String reply) {
        return PARSER.parse(trimmer.trimPlain(reply), trimmer.authorBlockOfPlain(reply), ALICE);
    }

    private ParseResult.Parsed parsed(String reply) {
        return assertInstanceOf(ParseResult.Parsed.class, parse(reply));
    }
}
