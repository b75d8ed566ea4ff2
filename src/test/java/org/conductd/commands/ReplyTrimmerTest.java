package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.conductd.mail.InboundMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReplyTrimmerTest {

    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    @Nested
    class PlainReplies {

        @Test
        void topPostedReplyLosesTheGmailAttributionAndTheQuote() {
            assertEquals("I talked to the venue staff; they will keep an eye on the hallway.\n\nSEVERITY: medium",
                    plain("gmail-top-posted.txt"));
        }

        @Test
        void bottomPostedReplyKeepsTheLinesAfterTheQuote() {
            assertEquals("I can take it.\nASSIGN: me", plain("bottom-posted.txt"));
        }

        @Test
        void inlineAnswersBetweenQuotesAreKept() {
            assertEquals("Yes, this morning.\n\nNot yet, I will after lunch.", plain("inline-answers.txt"));
        }

        @Test
        void germanAttributionLineIsDropped() {
            assertEquals("Ich übernehme den Fall.", plain("german-attribution.txt"));
        }

        @Test
        void frenchAttributionLineIsDropped() {
            assertEquals("Je m'en occupe.", plain("french-attribution.txt"));
        }

        @Test
        void attributionWrappedOverTwoLinesIsDropped() {
            assertEquals("Agreed, let's close it.", plain("wrapped-attribution.txt"));
        }

        @Test
        void outlookHeaderBlockAndTheOriginalBelowItAreDropped() {
            assertEquals("Thanks, I will join the call.", plain("outlook-header-block.txt"));
        }

        @Test
        void originalMessageMarkerAndEverythingBelowItAreDropped() {
            assertEquals("Noted.", plain("original-message.txt"));
        }

        @Test
        void forwardedMessageIsDropped() {
            assertEquals("Forwarding the organizer's note for the record.", plain("forwarded-message.txt"));
        }

        @Test
        void signatureBelowTheDelimiterIsDropped() {
            assertEquals("I spoke to both people involved.", plain("dash-signature.txt"));
        }

        @Test
        void sentFromMyIPhoneIsASignature() {
            assertEquals("On my way to the venue now.", plain("sent-from-iphone.txt"));
        }

        @Test
        void sentenceThatStartsLikeAMobileSignatureIsKept() {
            assertEquals("I am at the help desk.\n\nSent from my desk, which is next to the entrance.",
                    plain("sent-from-my-desk.txt"));
        }

        @Test
        void sentenceThatStartsWithOnAndEndsWithAColonIsNotAnAttribution() {
            assertEquals(resource("greedy-on.txt").strip(), plain("greedy-on.txt"));
        }

        @Test
        void authorsOwnLeadInToACitationIsNotAnAttribution() {
            assertEquals(resource("you-wrote.txt").strip(), plain("you-wrote.txt"));
        }

        @Test
        void commandInsideTheQuoteDoesNotSurvive() {
            assertEquals("Thanks, that was quick.", plain("command-in-quote.txt"));
        }

        @Test
        void commandLinesInTheNewTextSurviveExactly() {
            assertEquals("REPORTED: Alex Doe <alex@example.net>\nRESOLVE: warning\n"
                    + "A first warning, as discussed on the call.", plain("command-in-new-text.txt"));
        }

        @Test
        void windowsLineBreaksAreReadAsLineBreaks() {
            assertEquals("Noted.", trimmer.trimPlain("Noted.\r\n\r\n> RESOLVE: warning\r\n"));
        }

        @Test
        void aCommandBelowALongDashRuleStaysTheAuthorsAndRuns() {
            String reply = "I agree.\n\n\u2014\u2014\u2014\u2014\nAPPROVE\n";
            assertEquals("I agree.\n\n\u2014\u2014\u2014\u2014\nAPPROVE", trimmer.trimPlain(reply));
            assertEquals("I agree.\n\n\u2014\u2014\u2014\u2014\nAPPROVE", trimmer.authorBlockOfPlain(reply));
        }

        @Test
        void aDottedTimeMarksAClientsAttributionOnlyWhenItIsATimeOfDay() {
            String original = "\n\nTo approve it, reply with\n\n    APPROVE\n";
            assertEquals("Later.", trimmer.trimPlain("Later.\n\n30.09.2026, 18.30, \"Conf\" <conduct@example.org>:" + original));
            assertEquals("Later.\n\n30.09.2026, 25.30, \"Conf\" <conduct@example.org>:\n\nTo approve it, reply with",
                    trimmer.authorBlockOfPlain("Later.\n\n30.09.2026, 25.30, \"Conf\" <conduct@example.org>:\n\nTo approve it, reply with\n"));
        }

        @Test
        void replyWithNothingButAQuoteHasNoNewText() {
            assertEquals("", trimmer.trimPlain("> RESOLVE: warning\n"));
        }
    }

    @Nested
    class HtmlReplies {

        @Test
        void gmailQuoteAndAttributionAreDropped() {
            assertEquals("I can take it.\nASSIGN: me", html("gmail-quote.html"));
        }

        @Test
        void outlookReplyHeaderAndEverythingAfterItAreDropped() {
            assertEquals("SEVERITY: high\nThe person reported came back to the venue.",
                    html("outlook-divrplyfwdmsg.html"));
        }

        @Test
        void appleMailCiteBlockquotesAreDropped() {
            assertEquals("I will talk to the reporter tomorrow.", html("apple-blockquote.html"));
        }

        @Test
        void thunderbirdCitePrefixQuoteAndSignatureAreDropped() {
            assertEquals("NOTE: the reporter prefers to be contacted by phone.",
                    html("thunderbird-moz-cite-prefix.html"));
        }

        @Test
        void htmlWithoutAQuoteKeepsAllItsTextWithItsLineBreaks() {
            assertEquals("Hello team,\n\nI was at the social event yesterday and want to report something.\n"
                    + "A speaker kept interrupting a volunteer.\n\nThanks,\nDana", html("no-quote.html"));
        }

        @Test
        void rulesDrawnByTheAuthorAreNotMistakenForOutlookHeaders() {
            assertEquals("Agenda\n\nNOTE: see the minutes",
                    trimmer.trimHtml("<p>Agenda</p><hr><p>NOTE: see the minutes</p>"));
        }
    }

    @Nested
    class ChoosingTheRules {

        @Test
        void htmlOnlyMessageIsTrimmedByItsHtml() {
            InboundMessage m = message("I will talk to the reporter tomorrow.\n\n> CLOSE", true,
                    resource("apple-blockquote.html"));
            assertEquals("I will talk to the reporter tomorrow.", trimmer.newText(m));
        }

        @Test
        void messageWithAPlainPartIsTrimmedByItsText() {
            InboundMessage m = message(resource("bottom-posted.txt"), false, "<p>The HTML part says otherwise</p>");
            assertEquals("I can take it.\nASSIGN: me", trimmer.newText(m));
        }

        @Test
        void messageMarkedHtmlOnlyWithoutItsHtmlFallsBackToTheText() {
            InboundMessage m = message(resource("bottom-posted.txt"), true, null);
            assertFalse(trimmer.newText(m).contains(">"));
        }
    }

    private String plain(String fixture) {
        return trimmer.trimPlain(resource(fixture));
    }

    private String html(String fixture) {
        return trimmer.trimHtml(resource(fixture));
    }

    private static InboundMessage message(String text, boolean textFromHtml, String html) {
        return new InboundMessage("m@x", null, List.of(), List.of(), List.of(), null, "Re: Case C-12",
                Instant.EPOCH, List.of(), List.of(), text, textFromHtml, html, List.of(), List.of(),
                html != null && textFromHtml ? "text/html" : "text/plain");
    }

    private static String resource(String fixture) {
        try (InputStream in = ReplyTrimmerTest.class.getResourceAsStream("/replies/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withoutQuotesKeepsTheSignatureThatTrimPlainDrops() {
        ReplyTrimmer trimmer = new ReplyTrimmer();
        String reply = "SEVERITY: high\n\n-- \nAlice\n\nOn Fri, Bob wrote:\n> RESOLVE: warning\n";
        assertEquals("SEVERITY: high\n\n--\nAlice", trimmer.withoutQuotes(reply));
        assertEquals("SEVERITY: high", trimmer.trimPlain(reply));
    }
}
