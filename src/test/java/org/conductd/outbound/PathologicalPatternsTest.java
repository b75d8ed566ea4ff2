package org.conductd.outbound;

import static org.conductd.support.PathologicalText.quickly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MailKind;
import org.conductd.mail.OutboundMessage;
import org.conductd.support.PathologicalText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What goes out carries people's text: names and subjects in header lines, a report quoted in
 * a notification, a server's refusal quoting addresses, the ids of the messages replied to.
 * Each is handled within a bound that only a linear reading meets, whatever the text holds.
 */
class PathologicalPatternsTest {

    private static final String INPUTS = "org.conductd.support.PathologicalText#inputs";
    private static final TemplateRenderer RENDERER = new TemplateRenderer(new TemplateSource(null));
    private static final MimeComposer COMPOSER =
            new MimeComposer(Clock.fixed(Instant.parse("2026-05-10T09:30:00Z"), ZoneOffset.UTC));
    private static final EmailAddress CONDUCT = new EmailAddress("Example Conf CoC", "conduct@example.org");

    @BeforeAll
    static void warmUp() {
        RENDERER.render("case-notification", Map.of("reportText", "warm up"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void aServersWordsLoseTheirAddressesInLinearTime(String name, String text) {
        quickly(() -> AddressRedaction.forTheRecord(text));
        quickly(() -> AddressRedaction.withoutAddresses(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void namesAndSubjectsBecomeOneHeaderLineInLinearTime(String name, String text) {
        quickly(() -> HeaderText.oneLine(text, TemplateRenderer.MAX_SUBJECT_LENGTH));
        quickly(() -> ThreadIndex.topic(text));
        quickly(() -> ThreadIndex.topic("Re" + text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void aReportIsQuotedLineByLineInLinearTime(String name, String text) {
        quickly(() -> TemplateRenderer.quoted(new MarkdownEscaper().escape(text)));
    }

    /**
     * flexmark (0.64.8) renders a block quote of n lines in time quadratic in n, as it grows the
     * array of a paragraph's segments by one segment at a time (SegmentBuilderBase), and every
     * quoted line is a segment of its own: a megabyte of short lines in one quote took it 10 to
     * 20 s. The Markdown quote is cut into blocks of {@value TemplateRenderer#LINES_PER_QUOTE_BLOCK}
     * lines, so a megabyte of them renders in linear time.
     */
    @Test
    void aMegabyteOfShortQuotedLinesRendersInTime() {
        String text = PathologicalText.run("550 x\n", PathologicalText.SIZE);
        RenderedMail mail = quickly(() -> RENDERER.render("case-notification", Map.of("reportText", text)));

        assertTrue(mail.html().contains("<blockquote"), "quoted in the HTML part too");
    }

    /**
     * Every input, at the most of a message's text that case mail quotes (CaseText cuts it at
     * 100,000 characters): flexmark is linear but slow on some megabyte-long lines.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("inputsOf128Kilobytes")
    void aReportQuotedInANotificationRendersInTime(String name, String text) {
        RenderedMail mail = quickly(() -> RENDERER.render("case-notification",
                Map.of("reportText", text, "originalSubject", text, "reporterLine", text, "codeName", text)));

        assertTrue(mail.subject().length() <= TemplateRenderer.MAX_SUBJECT_LENGTH, mail.subject());
    }

    static Stream<Arguments> inputsOf128Kilobytes() {
        return PathologicalText.samples(128 * 1024).stream().map(s -> Arguments.of(s.name(), s.text()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void linkTargetsAreCheckedInLinearTime(String name, String text) {
        quickly(() -> MarkdownHtml.isSafeTarget(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void theIdsRepliedToAndTheNamesWrittenToAreCheckedInLinearTime(String name, String text) {
        OutboundMessage reply = new OutboundMessage(MailKind.CASE_NOTIFICATION, "c42.n1.abc@conduct.example.org",
                CONDUCT, List.of(new EmailAddress(text, "alice@example.org")), CONDUCT, "[CoC #42] New report",
                text, List.of(text), Map.of(), "text", null);

        quickly(() -> {
            try {
                return COMPOSER.toBytes(reply);
            } catch (IllegalArgumentException refused) {
                return null;
            }
        });
    }
}
