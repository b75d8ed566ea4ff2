package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rarer clients' markers are read as markers, and the author's lines that resemble them are not. */
class QuoteMarkersTest {

    @Test
    void aForwardMarkerMayNameItsSenderOnlyBetweenRules() {
        assertTrue(QuoteMarkers.startsOriginalMessage(
                List.of("----- Forwarded message from Anna <anna@example.org> -----"), 0));
        assertFalse(QuoteMarkers.startsOriginalMessage(List.of("Forwarded message from Anna <anna@example.org>"), 0));
        assertFalse(QuoteMarkers.startsOriginalMessage(
                List.of("----- Forwarded message from Anna, who asked me to pass it on -----"), 0));
    }
}
