package org.conductd.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.conductd.outbound.MarkdownHtml;
import org.conductd.reports.TransparencyText.Outcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransparencyTextTest {

    static final LocalDate FROM = LocalDate.of(2026, 5, 1);
    static final LocalDate TO = LocalDate.of(2026, 5, 31);

    static String report(long reports, List<Outcome> outcomes, List<String> summaries, List<String> identifying) {
        return TransparencyText.markdown("Test Conf", FROM, TO, reports, outcomes, summaries, identifying);
    }

    @Nested
    class Counts {

        @Test
        void countsUnderThreeAreShownAsFewerThanThree() {
            assertEquals("none", TransparencyText.count(0));
            assertEquals("fewer than 3", TransparencyText.count(1));
            assertEquals("fewer than 3", TransparencyText.count(2));
            assertEquals("3", TransparencyText.count(3));
        }

        @Test
        void aFirstNameAloneIsEnoughToRemoveASummary() {
            assertFalse(TransparencyText.safe("Mallory was warned to stop", List.of("Mallory Example")));
            assertTrue(TransparencyText.safe("An attendee was warned", List.of("Mallory Example", "quiet harbor")));
        }

        @Test
        void withFewerThanThreeReportsNoSummaryIsPublished() {
            String text = report(2, List.of(), List.of("An attendee was warned"), List.of());
            assertFalse(text.contains("An attendee was warned"), text);
        }

        @Test
        void eachOutcomeLineShowsItsCountOrFewerThanThree() {
            String text = report(5, List.of(new Outcome("A warning.", 3), new Outcome("No action.", 2)),
                    List.of(), List.of());

            assertTrue(text.contains("Reports received: 5"), text);
            assertTrue(text.contains("- 3: A warning."), text);
            assertTrue(text.contains("- fewer than 3: No action."), text);
        }

        @Test
        void aSmallTotalIsHiddenToo() {
            String text = report(2, List.of(new Outcome("A warning.", 2)), List.of(), List.of());

            assertTrue(text.contains("Reports received: fewer than 3"), text);
            assertFalse(text.contains("Reports received: 2"), text);
        }
    }

    @Nested
    class Summaries {

        @Test
        void areSortedAlphabeticallySoTheOrderRevealsNoDates() {
            String text = report(3, List.of(), List.of("Zed was asked to leave", "an attendee was warned", "Banned"),
                    List.of());

            assertTrue(text.indexOf("an attendee") < text.indexOf("Banned"), text);
            assertTrue(text.indexOf("Banned") < text.indexOf("Zed was"), text);
        }

        @Test
        void aSummaryWithAnEmailAddressIsRemoved() {
            String text = report(3, List.of(), List.of("reported by someone@example.net"), List.of());

            assertTrue(text.contains("- [removed]"), text);
            assertFalse(text.contains("@"), text);
        }

        @Test
        void aSummaryNamingAPersonOrACodeNameIsRemoved() {
            String text = report(3, List.of(),
                    List.of("Jane O'Brien was warned", "quiet harbor was closed", "a speaker was warned"),
                    List.of("jane o'brien", "Quiet Harbor"));

            assertFalse(text.contains("Brien"), text);
            assertFalse(text.contains("harbor"), text);
            assertTrue(text.contains("a speaker was warned"), text);
        }

        @Test
        void aShortNameInsideAnOrdinaryWordDoesNotRemoveTheSummary() {
            assertTrue(TransparencyText.safe("the same talk was moved", List.of("Sam")));
            assertFalse(TransparencyText.safe("Sam was warned", List.of("Sam")));
        }

        @Test
        void aSummaryWithACaseNumberOrADateIsRemoved() {
            assertFalse(TransparencyText.safe("case 12 was resolved", List.of()));
            assertFalse(TransparencyText.safe("see #12", List.of()));
            assertFalse(TransparencyText.safe("on 2026-05-10 someone shouted", List.of()));
            assertFalse(TransparencyText.safe("on 10/05/2026 someone shouted", List.of()));
            assertTrue(TransparencyText.safe("a Python 3.12 talk was interrupted", List.of()));
        }

        @Test
        void aSummaryGivingTheDayOrTimeInWordsIsRemoved() {
            for (String summary : List.of("on 3 May someone shouted", "on May 3rd someone shouted",
                    "on the 3rd of May someone shouted", "on Sept. 14 a talk was interrupted",
                    "at the Saturday social someone shouted", "at 9:30 someone shouted", "around 10pm at the bar")) {
                assertFalse(TransparencyText.safe(summary, List.of()), summary);
            }
            for (String summary : List.of("a talk was interrupted 3 times", "an attendee may not return",
                    "the keynote was moved to another room", "someone was asked to march out",
                    "3 amazing talks were interrupted")) {
                assertTrue(TransparencyText.safe(summary, List.of()), summary);
            }
        }

        @Test
        void markdownInASummaryIsShownAsText() {
            String text = report(3, List.of(), List.of("<script>alert(1)</script> *loud*"), List.of());

            assertTrue(text.contains("- \\<script\\>alert(1)\\</script\\> \\*loud\\*"), text);
        }

        @Test
        void aSummaryStartingLikeAListStaysOneItem() {
            assertEquals("1\\. first", TransparencyText.escape("1. first"));
            assertEquals("\\- dash", TransparencyText.escape("- dash"));
            assertEquals("\\# not a heading", TransparencyText.escape("# not a heading"));
        }

        @Test
        void onlyAMarkerFollowedByABlankOrTheEndIsEscaped() {
            assertEquals("12\\)", TransparencyText.escape("12)"));
            assertEquals("#\\# two", TransparencyText.escape("## two"));
            assertEquals("1.5 days of talks", TransparencyText.escape("1.5 days of talks"));
            assertEquals("#hashtag", TransparencyText.escape("#hashtag"));
            assertEquals("-minus", TransparencyText.escape("-minus"));
        }

        @Test
        void aSummaryOfDashesIsShownRatherThanMadeARule() {
            assertEquals("\\--", TransparencyText.escape("--"));
            assertEquals("\\-- -", TransparencyText.escape("-- -"));
            String html = new MarkdownHtml().toHtml(report(3, List.of(), List.of("---"), List.of()));
            assertTrue(html.contains("<li>---</li>"), html);
        }

        @Test
        void aNumberInsideAWordIsNoDayInAnyAlphabet() {
            for (String summary : List.of("room B12 may open later", "Raum Ä12 may open later",
                    "Raum A\u030812 may open later", "the 3pmx session was moved")) {
                assertTrue(TransparencyText.safe(summary, List.of()), summary);
            }
            for (String summary : List.of("on 12 May, Ä someone shouted", "caf\u00e9 at 3pm", "\u00c4 3 May")) {
                assertFalse(TransparencyText.safe(summary, List.of()), summary);
            }
        }
    }

    @Test
    void anyLineWithAnEmailAddressIsReplaced() {
        assertEquals("ok\n[removed]\nok", TransparencyText.withoutAddressLines("ok\nwrite to x@example.org\nok"));
    }

    @Test
    void theTitleNamesTheEventAndThePeriod() {
        String text = report(0, List.of(), List.of(), List.of());

        assertTrue(text.startsWith("# Test Conf: Code of Conduct transparency report, 2026-05-01 to 2026-05-31\n"),
                text);
    }
}
