package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rarer clients' markers are read as markers, and the author's lines that resemble them are not. */
class QuoteMarkersTest {

    @Test
    void groupWisesAttributionNeedsItsArrowsAnAddressAndATime() {
        assertTrue(QuoteMarkers.isGroupWiseAttribution(">>> \"Anna\" <anna@example.org> 3/2/2026 10:15 AM >>>"));
        assertFalse(QuoteMarkers.isGroupWiseAttribution(">>> see above >>>"));
        assertFalse(QuoteMarkers.isGroupWiseAttribution("> >>> \"Anna\" <anna@example.org> 3/2/2026 10:15 AM >>>"));
        assertFalse(QuoteMarkers.isGroupWiseAttribution(">>> IMPORTANT: write to anna@example.org by 10:15 >>>"));
    }

    @Test
    void nextcloudsAttributionNeedsTheAddressBeforeTheDashAndADatedTimeAfterIt() {
        assertTrue(QuoteMarkers.isDashDatedAddressLine("\"Anna\" anna@example.org \u2013 March 2, 2026 10:15 AM"));
        assertFalse(QuoteMarkers.isDashDatedAddressLine("I wrote to anna@example.org \u2013 she answered at 10:15"));
        assertFalse(QuoteMarkers.isDashDatedAddressLine("At 10:15 on 2 March 2026 \u2013 anna@example.org called"));
        assertFalse(QuoteMarkers.isDashDatedAddressLine("mark@example.org \u2013 14.03.2026 at 22:41"));
    }

    @Test
    void aForwardMarkerMayNameItsSenderOnlyBetweenRules() {
        assertTrue(QuoteMarkers.startsOriginalMessage(
                List.of("----- Forwarded message from Anna <anna@example.org> -----"), 0));
        assertFalse(QuoteMarkers.startsOriginalMessage(List.of("Forwarded message from Anna <anna@example.org>"), 0));
        assertFalse(QuoteMarkers.startsOriginalMessage(
                List.of("----- Forwarded message from Anna, who asked me to pass it on -----"), 0));
    }

    @Test
    void aBracketedDateMayFollowTheAddressOfAVerblessAttribution() {
        assertTrue(QuoteMarkers.isDatedAddressLine("* Anna <anna@example.org> [2026-03-02 10:15 +0100]:"));
        assertFalse(QuoteMarkers.isDatedAddressLine("* Anna <anna@example.org> [see the notes]:"));
    }

    @Test
    void aDatedLineAboveAQuoteNeedsAVerbBeforeItsDateOrANumericDateFirst() {
        assertTrue(QuoteMarkers.isQuotedDatedLine("Anna wrote on 02/03/2026 10:15:"));
        assertTrue(QuoteMarkers.isQuotedDatedLine("Anna a écrit le 02/03/2026 à 10:15 :"));
        assertTrue(QuoteMarkers.isQuotedDatedLine("02.03.26 10:15, Example Conf 2026 Code of Conduct team:"));
        assertFalse(QuoteMarkers.isQuotedDatedLine("Anna wrote on Monday:"));
        assertFalse(QuoteMarkers.isQuotedDatedLine("We met at 10:15 and she said:"));
        assertFalse(QuoteMarkers.isQuotedDatedLine("NOTE: 02.03.26 10:15, venue:"));
        assertFalse(QuoteMarkers.isQuotedDatedLine("1.5 hours at 10:15, then:"));
        assertFalse(QuoteMarkers.isQuotedDatedLine("He wrote on 14 March 2026 at 22:41:"));
        assertFalse(QuoteMarkers.isQuotedDatedLine("the channel. He wrote on 14/03/2026 at 22:41:"));
        assertFalse(QuoteMarkers.isQuotedDatedLine("14.03.2026 22:41, Mark:"));
    }
}
