package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Long texts from people render in time proportional to their length. Lines that start with
 * something other than a letter (indentation, list marks, digits, punctuation) once made
 * rendering quadratic: a report of 10,000 such lines took minutes.
 */
class LongTextRenderingTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(5);
    private static final TemplateRenderer RENDERER = new TemplateRenderer(new TemplateSource(null));

    @BeforeAll
    static void warmUp() {
        RENDERER.render("case-notification", Map.of("reportText", "warm up"));
    }

    @Test
    void tenThousandIndentedLinesRenderInTime() {
        assertRendersInTime("    an indented line of a forwarded bounce\n".repeat(10_000));
    }

    @Test
    void tenThousandLogLinesRenderInTime() {
        assertRendersInTime("2026-05-10 12:00:01 [warn] a log line\n".repeat(10_000));
    }

    @Test
    void tenThousandListItemsRenderInTime() {
        assertRendersInTime("- (an item) of a list, #42\n".repeat(10_000));
    }

    @Test
    void indentationIsKeptAsNoBreakSpacesAndIsNoCodeBlock() {
        RenderedMail mail = RENDERER.render("case-notification", Map.of("reportText", "first\n    indented"));
        assertTrue(Jsoup.parse(mail.html()).select("blockquote pre, blockquote code").isEmpty(), mail.html());
        assertTrue(mail.html().contains("<br />\n\u00a0\u00a0\u00a0\u00a0indented</p>"), mail.html());
    }

    @Test
    void headingsOfTheTemplatesThemselvesStillRender() {
        Document html = Jsoup.parse(new MarkdownHtml().toHtml("# Title\n\nText\n\nSubtitle\n--------\n"));
        assertEquals("Title", html.select("h1").text());
        assertEquals("Subtitle", html.select("h2").text());
    }

    private static void assertRendersInTime(String reportText) {
        RenderedMail mail = assertTimeoutPreemptively(HANG_GUARD,
                () -> RENDERER.render("case-notification", Map.of("reportText", reportText)));
        assertTrue(mail.html().length() > reportText.length(), "the whole text is in the HTML");
    }
}
