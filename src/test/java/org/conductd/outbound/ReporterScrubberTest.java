package org.conductd.outbound;

import static org.conductd.outbound.ReporterScrubber.REPLACEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReporterScrubberTest {

    /** Jane wrote from two addresses; the team is Alice and Bob; conduct@example.org is the team's address. */
    private static final ReporterScrubber JANE = ReporterScrubber.builder()
            .reporterName("Jane Reporter").reporterAddress("jane@home.example")
            .reporterName("Reporter, Jane").reporterAddress("Jane.Doe+events@work.example")
            .keepName("Alice Example").keepAddress("alice@example.org")
            .keepName("Bob Builder").keepAddress("bob@example.org")
            .keepAddress("conduct@example.org")
            .build();

    private static void assertNoJane(String scrubbed) {
        String lower = scrubbed.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("jane"), scrubbed);
        assertFalse(lower.contains("home.example"), scrubbed);
        assertFalse(lower.contains("work.example"), scrubbed);
    }

    @Nested
    class QuotedHeaderBlocks {

        @Test
        void outlookHeaderBlockLosesTheNameAndAddressButKeepsTheConductAddress() {
            String scrubbed = JANE.scrub("""
                    Thanks, that helps.

                    ________________________________
                    From: Jane Reporter <jane@home.example>
                    Sent: Monday, 30 November 2026 10:00
                    To: Test Conf Code of Conduct team <conduct@example.org>
                    Subject: RE: [CoC #1] Anonymous report
                    """);

            assertNoJane(scrubbed);
            assertTrue(scrubbed.contains("From: " + REPLACEMENT + " <" + REPLACEMENT + ">"), scrubbed);
            assertTrue(scrubbed.contains("<conduct@example.org>"), scrubbed);
        }

        @Test
        void outlookWithAMailtoLinkInBrackets() {
            String scrubbed = JANE.scrub("From: Jane Reporter [mailto:jane@home.example]\nSent: Monday, November 30, 2026 10:00 AM");

            assertEquals("From: " + REPLACEMENT + " [mailto:" + REPLACEMENT + "]\nSent: Monday, November 30, 2026 10:00 AM",
                    scrubbed);
        }

        @Test
        void gmailAttribution() {
            assertEquals("On Mon, 30 Nov 2026 at 10:00, " + REPLACEMENT + " <" + REPLACEMENT + "> wrote:",
                    JANE.scrub("On Mon, 30 Nov 2026 at 10:00, Jane Reporter <jane@home.example> wrote:"));
        }

        @Test
        void appleMailAttribution() {
            assertEquals("On 30 Nov 2026, at 10:00, " + REPLACEMENT + " <" + REPLACEMENT + "> wrote:",
                    JANE.scrub("On 30 Nov 2026, at 10:00, Jane Reporter <jane@home.example> wrote:"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Von: Jane Reporter <jane@home.example>\nGesendet: Montag, 30. November 2026 10:00",
                "De : Jane Reporter <jane@home.example>\nEnvoyé : lundi 30 novembre 2026 10:00",
                "Da: Jane Reporter <jane@home.example>\nInviato: lunedì 30 novembre 2026 10:00",
                "> From: \"Reporter, Jane\" <JANE@HOME.EXAMPLE>\n> Sent: Monday",
                "> On Mon, 30 Nov 2026 at 10:00, Jane\n> Reporter <jane@home.example> wrote:",
                "---------- Forwarded message ---------\nFrom: Jane Reporter <jane@home.example>\nDate: Mon, 30 Nov 2026",
                "Jane Doe <Jane.Doe+events@work.example> wrote:",
                "Best,\nJANE REPORTER\njane.doe on the event chat",
        })
        void otherClientsAndLanguages(String text) {
            String scrubbed = JANE.scrub(text);

            assertNoJane(scrubbed);
            assertTrue(scrubbed.contains(REPLACEMENT), scrubbed);
        }
    }

    @Nested
    class NameVariants {

        @Test
        void lastNameFirstWithAComma() {
            ReporterScrubber scrubber = ReporterScrubber.builder().reporterName("Jane Reporter").build();

            assertEquals("From: \"" + REPLACEMENT + "\"", scrubber.scrub("From: \"Reporter, Jane\""));
        }

        @Test
        void accentsAndDecomposedLettersAreTheSameName() {
            ReporterScrubber scrubber = ReporterScrubber.builder().reporterName("José Núñez").build();

            assertEquals(REPLACEMENT + " and " + REPLACEMENT + " and " + REPLACEMENT,
                    scrubber.scrub("JOSE NUNEZ and Jose\u0301 Nu\u0303n\u0303ez and José Núñez"));
        }

        @Test
        void aMiddleInitialMayBeLeftOut() {
            ReporterScrubber scrubber = ReporterScrubber.builder().reporterName("Jane Q. Reporter").build();

            assertEquals(REPLACEMENT + ", " + REPLACEMENT, scrubber.scrub("Jane Q. Reporter, Jane Reporter"));
        }

        @Test
        void theLocalPartOfAnAddressOnItsOwn() {
            assertEquals("ask " + REPLACEMENT + " on chat", JANE.scrub("ask jane.doe on chat"));
        }

        @Test
        void attachmentFileNames() {
            assertEquals(REPLACEMENT + " - screenshot.png", JANE.scrub("Jane Reporter - screenshot.png"));
            assertEquals(REPLACEMENT + "_notes.txt", JANE.scrub("jane.doe_notes.txt"));
        }
    }

    @Nested
    class WhatStays {

        @Test
        void namesInsideOtherWordsStay() {
            ReporterScrubber scrubber = ReporterScrubber.builder().reporterName("Ann").reporterName("Ann Lee")
                    .reporterAddress("ann@home.example").build();
            String text = "Annette Leeds planned the annual Leeway party; Anne, Lee and annie@home.example came";

            assertEquals(text, scrubber.scrub(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"J", "Me", "", "  ", "J. R."})
        void namesTooShortToTellFromWordsStayButTheAddressGoes(String name) {
            ReporterScrubber scrubber = ReporterScrubber.builder().reporterName(name).reporterAddress("me@home.example")
                    .build();

            assertEquals("Me and J. R. met " + REPLACEMENT + " at me",
                    scrubber.scrub("Me and J. R. met me@home.example at me"));
        }

        @Test
        void theTeamsNamesAndAddressesStayEvenWhereTheyOverlapTheReporters() {
            ReporterScrubber scrubber = ReporterScrubber.builder().reporterName("Alice").reporterAddress("alice@home.example")
                    .keepName("Alice Example").keepAddress("alice@example.org").keepAddress("conduct@example.org").build();
            String text = "On Mon, Alice Example <alice@example.org> wrote:\n> write to conduct@example.org";

            assertEquals(text, scrubber.scrub(text));
            assertEquals(REPLACEMENT + " said so", scrubber.scrub("Alice said so"));
        }

        @Test
        void conductdsOwnWordsAboutTheReporterStayWhateverTheReporterIsCalled() {
            ReporterScrubber scrubber = ReporterScrubber.builder().reporterName("Anonymous").reporterName("The Reporter")
                    .reporterAddress("anonymous@home.example").build();
            String text = "From: Reporter (anonymous, case 3)\nthe reporter (anonymous) wrote";

            assertEquals(text, scrubber.scrub(text));
            assertEquals(REPLACEMENT + " wrote", scrubber.scrub("anonymous@home.example wrote"));
        }

        @Test
        void scrubbingTwiceChangesNothingMore() {
            String once = JANE.scrub("From: Jane Reporter <jane@home.example>, jane.doe");

            assertEquals(once, JANE.scrub(once));
        }

        @Test
        void withNothingToScrubTheTextIsReturnedAsItIs() {
            String text = "Jane Reporter <jane@home.example>";

            assertSame(text, ReporterScrubber.NONE.scrub(text));
            assertTrue(ReporterScrubber.NONE.scrubsNothing());
            assertNull(JANE.scrub(null));
        }
    }

    @Test
    void hostileTextIsScrubbedInLinearTime() {
        // Every word starts a phrase that almost matches, and the gaps are just too long or just right.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            text.append(i % 3 == 0 ? "jane , , , , , , " : "Reporter, jane.doe+events@work ");
        }
        text.append("a".repeat(1_000_000)).append(" Jane Reporter");
        String hostile = text.toString();

        String scrubbed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> JANE.scrub(hostile));

        assertTrue(scrubbed.endsWith(" " + REPLACEMENT), scrubbed.substring(scrubbed.length() - 40));
    }
}
