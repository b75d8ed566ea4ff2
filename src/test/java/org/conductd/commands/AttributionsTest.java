package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rarer clients' attributions are read as attributions, and the author's lines that resemble them are not. */
class AttributionsTest {

    @Test
    void aDatedLineAboveAQuoteNeedsAVerbBeforeItsDateOrANumericDateFirst() {
        assertTrue(Attributions.isQuotedDatedLine("Anna wrote on 02/03/2026 10:15:"));
        assertTrue(Attributions.isQuotedDatedLine("Anna a écrit le 02/03/2026 à 10:15 :"));
        assertTrue(Attributions.isQuotedDatedLine("02.03.26 10:15, Example Conf 2026 Code of Conduct team:"));
        assertFalse(Attributions.isQuotedDatedLine("Anna wrote on Monday:"));
        assertFalse(Attributions.isQuotedDatedLine("We met at 10:15 and she said:"));
        assertFalse(Attributions.isQuotedDatedLine("NOTE: 02.03.26 10:15, venue:"));
        assertFalse(Attributions.isQuotedDatedLine("1.5 hours at 10:15, then:"));
        assertFalse(Attributions.isQuotedDatedLine("He wrote on 14 March 2026 at 22:41:"));
        assertFalse(Attributions.isQuotedDatedLine("the channel. He wrote on 14/03/2026 at 22:41:"));
        assertFalse(Attributions.isQuotedDatedLine("14.03.2026 22:41, Mark:"));
    }
}
