package org.conductd.reports;

import static org.conductd.support.PathologicalText.quickly;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.conductd.outbound.MarkdownHtml;
import org.conductd.reports.TransparencyText.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transparency report is made of people's words: the public summaries responders write,
 * which may quote anyone, checked against the names of everyone in the cases. Each is checked,
 * escaped and rendered within a bound that only a linear reading meets, whatever it holds.
 */
class PathologicalPatternsTest {

    private static final String INPUTS = "org.conductd.support.PathologicalText#inputs";
    private static final LocalDate FROM = LocalDate.of(2026, 5, 1);
    private static final LocalDate TO = LocalDate.of(2026, 5, 31);
    private static final List<Outcome> OUTCOMES = List.of(new Outcome("A warning.", 3));
    private static final List<String> NAMES = List.of("Mallory Example", "quiet harbor");
    private static final String SUMMARY = "An attendee was warned";

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void aSummaryIsCheckedEscapedAndRenderedInLinearTime(String name, String text) {
        quickly(() -> TransparencyReport.publishable(text, NAMES));
        String markdown = quickly(() -> report(List.of(text, SUMMARY), NAMES));
        quickly(() -> new MarkdownHtml().toHtml(markdown));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void summariesAreCheckedAgainstAnyNameInLinearTime(String name, String text) {
        quickly(() -> TransparencyReport.publishable(SUMMARY, List.of(text)));
        quickly(() -> report(List.of(SUMMARY), List.of(text)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void aLongSummaryIsCheckedAgainstALongNameInLinearTime(String name, String text) {
        quickly(() -> TransparencyReport.publishable(text, List.of(text)));
    }

    @Test
    void aNameOfManyWordsIsFoundByAnyEightOfThemInARow() {
        String name = "Maria Jose de la Santisima Trinidad Garcia Lopez Fernandez y Ruiz";
        assertFalse(TransparencyReport.publishable("we spoke with la santisima trinidad garcia lopez fernandez y ruiz "
                + "maria about it", List.of(name.toLowerCase(java.util.Locale.ROOT))));
        assertTrue(TransparencyReport.publishable("An attendee was warned", List.of(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void anyTextIsEscapedAndCheckedLineByLineForAddressesInLinearTime(String name, String text) {
        quickly(() -> TransparencyText.escape(text));
        quickly(() -> TransparencyText.withoutAddressLines(text));
    }

    private static String report(List<String> summaries, List<String> identifying) {
        return TransparencyText.markdown("Test Conf", FROM, TO, 5, OUTCOMES, summaries, identifying);
    }
}
