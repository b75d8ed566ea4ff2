package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYWORDS = CommandTable.keywords();

    @Test
    void adjacentSwapCountsAsOneEdit() {
        assertEquals(1, Suggestions.distance("sevreity", "severity"));
    }

    @Test
    void caseIsIgnored() {
        assertEquals(List.of("CLOSE"), Suggestions.closest("closed", KEYWORDS));
    }

    @Test
    void farWordSuggestsNothing() {
        assertEquals(List.of(), Suggestions.closest("ESCALATE", KEYWORDS));
    }

    @Test
    void shortWordAllowsOnlyOneEdit() {
        assertEquals(List.of(), Suggestions.closest("WHO", KEYWORDS));
    }

    @Test
    void abbreviationSuggestsWhatItStarts() {
        assertEquals(List.of("DSF-REPORT"), Suggestions.closest("DSF", KEYWORDS));
    }

    @Test
    void exactMatchIsNotASuggestion() {
        assertEquals(List.of(), Suggestions.closest("note", List.of("note")));
    }

    @Test
    void equallyNearCandidatesAreJoinedWithCommasAndOr() {
        assertEquals("; did you mean bat, hat or rat?", Suggestions.didYouMean("cat", List.of("bat", "hat", "rat")));
    }

    @Test
    void nothingCloseSaysNothing() {
        assertEquals("", Suggestions.didYouMean("ESCALATE", KEYWORDS));
    }
}
