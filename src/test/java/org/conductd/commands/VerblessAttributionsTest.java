package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rarer clients' verbless attributions are read as attributions, and the author's lines that resemble them are not. */
class VerblessAttributionsTest {

    @Test
    void groupWisesAttributionNeedsItsArrowsAnAddressAndATime() {
        assertTrue(VerblessAttributions.isGroupWise(">>> \"Anna\" <anna@example.org> 3/2/2026 10:15 AM >>>"));
        assertFalse(VerblessAttributions.isGroupWise(">>> see above >>>"));
        assertFalse(VerblessAttributions.isGroupWise("> >>> \"Anna\" <anna@example.org> 3/2/2026 10:15 AM >>>"));
        assertFalse(VerblessAttributions.isGroupWise(">>> IMPORTANT: write to anna@example.org by 10:15 >>>"));
    }

    @Test
    void nextcloudsAttributionNeedsTheAddressBeforeTheDashAndADatedTimeAfterIt() {
        assertTrue(VerblessAttributions.isDashDatedAddressLine("\"Anna\" anna@example.org \u2013 March 2, 2026 10:15 AM"));
        assertFalse(VerblessAttributions.isDashDatedAddressLine("I wrote to anna@example.org \u2013 she answered at 10:15"));
        assertFalse(VerblessAttributions.isDashDatedAddressLine("At 10:15 on 2 March 2026 \u2013 anna@example.org called"));
        assertFalse(VerblessAttributions.isDashDatedAddressLine("mark@example.org \u2013 14.03.2026 at 22:41"));
    }

    @Test
    void aBracketedDateMayFollowTheAddressOfAVerblessAttribution() {
        assertTrue(VerblessAttributions.isDatedAddressLine("* Anna <anna@example.org> [2026-03-02 10:15 +0100]:"));
        assertFalse(VerblessAttributions.isDatedAddressLine("* Anna <anna@example.org> [see the notes]:"));
    }
}
