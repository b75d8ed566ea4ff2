package org.conductd.approval;

import static org.conductd.support.PathologicalText.quickly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A responder's reply is split into drafts and reasons: each reading takes a megabyte built
 * against backtracking patterns within a bound only a linear reading meets, and the
 * rewritten word boundaries still mean what they did.
 */
class DraftTextTest {

    private static final String INPUTS = "org.conductd.support.PathologicalText#inputs";

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void responderTextIsReadInLinearTime(String name, String text) {
        quickly(() -> {
            Drafting.splitApology(text);
            Drafting.splitApology("Apology:" + text);
            Drafts.leadingLabel(text);
            return Drafts.leadingLabel("D1" + text);
        });
    }

    @Test
    void apologyParagraphsAreSplitOnBlankLines() {
        assertArrayEquals(new String[] {"We spoke.\n\nAgain.", "Sorry."},
                Drafting.splitApology("We spoke.\n \t\nAPOLOGY:  Sorry.\n\n\nAgain."));
    }

    @Test
    void aLeadingDraftLabelIsAWordOfItsOwn() {
        assertEquals(new Drafts.Labelled("D3", "too harsh"), Drafts.leadingLabel(" d3: too harsh"));
        assertEquals(new Drafts.Labelled("D12", ""), Drafts.leadingLabel("D12"));
        assertEquals(new Drafts.Labelled("D7", "x"), Drafts.leadingLabel("D7 -, x"));
        assertEquals(new Drafts.Labelled(null, "D3x too harsh"), Drafts.leadingLabel("D3x too harsh"));
        assertEquals(new Drafts.Labelled(null, "D3é"), Drafts.leadingLabel("D3é"));
        assertEquals(new Drafts.Labelled(null, "D1234567890123"), Drafts.leadingLabel("D1234567890123"));
        assertEquals(new Drafts.Labelled(null, "Dx"), Drafts.leadingLabel("Dx"));
        assertEquals(new Drafts.Labelled(null, "D"), Drafts.leadingLabel("D"));
    }
}
