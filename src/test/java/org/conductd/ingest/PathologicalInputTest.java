package org.conductd.ingest;

import static org.conductd.support.PathologicalText.quickly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.conductd.text.HtmlText;
import org.conductd.text.HtmlText.Markers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Intake reads every message before anyone is authenticated: an HTML body's text and a whole
 * message must each be read within a bound that only a linear reading meets, whatever the
 * body holds.
 */
class PathologicalInputTest {

    private static final String INPUTS = "org.conductd.support.PathologicalText#inputs";

    private final MessageParser parser = new MessageParser();

    @Test
    void preformattedBlanksWithoutALineBreakAreReadQuickly() {
        String html = "<pre>" + " ".repeat(300_000) + "x</pre>";
        assertEquals("x", quickly(() -> HtmlText.toText(html, Markers.KEPT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void htmlBodiesAreReadAsTextInLinearTime(String name, String text) {
        quickly(() -> HtmlText.toText(text, Markers.KEPT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void htmlOnlyMessagesAreParsedInLinearTime(String name, String text) {
        byte[] raw = message("text/html", text);
        quickly(() -> assertInstanceOf(ParseOutcome.Parsed.class, parser.parse(raw)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void plainMessagesAreParsedInLinearTime(String name, String text) {
        byte[] raw = message("text/plain", text);
        quickly(() -> parser.parse(raw));
    }

    private static byte[] message(String type, String body) {
        return ("From: someone@example.org\r\nTo: coc@example.org\r\nSubject: report\r\n"
                + "Content-Type: " + type + "; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }
}
