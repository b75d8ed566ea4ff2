package org.conductd.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaseTextTest {

    @Test
    void aTextWithinTheLimitIsShownWhole() {
        String text = "x".repeat(CaseText.MAX_SHOWN_CHARS);
        assertEquals(text, CaseText.shown(text));
    }

    @Test
    void aLongerTextIsCutAtALineEndAndSaysHowMuchIsLeftOut() {
        String line = "y".repeat(99) + "\n";
        String text = line.repeat(CaseText.MAX_SHOWN_CHARS / 100 + 50);
        String shown = CaseText.shown(text);
        assertTrue(shown.startsWith(line.repeat(CaseText.MAX_SHOWN_CHARS / 100 - 1) + "y".repeat(99) + "\n\n["), shown);
        assertTrue(shown.endsWith("[5,000 more characters are too many for a mail; the whole text is kept with the case.]"),
                shown.substring(shown.length() - 200));
    }

    @Test
    void aLongLineIsCutAtTheLimitWithoutSplittingACharacter() {
        String text = "a".repeat(CaseText.MAX_SHOWN_CHARS - 1) + "\uD83D\uDE00" + "b".repeat(10);
        String shown = CaseText.shown(text);
        assertTrue(shown.startsWith("a".repeat(CaseText.MAX_SHOWN_CHARS - 1) + "\n\n[12 more characters"), shown.substring(CaseText.MAX_SHOWN_CHARS - 5));
    }

    @Test
    void aMembersTokenInAForwardedMessageIsNotShown() {
        String text = "---------- Forwarded message ---------\n"
                + "Message-ID: <c3.0123456789abcdef01234567.89abcdef0123456789abcdef01234567@example.org>\n";

        assertEquals("---------- Forwarded message ---------\nMessage-ID: <c3.[token]@example.org>\n", CaseText.shown(text));
    }

    @Test
    void aTokenWhereALongLineIsCutIsNotShownInPart() {
        String token = "c3.0123456789abcdef01234567.89abcdef0123456789abcdef01234567";
        String text = "z".repeat(CaseText.MAX_SHOWN_CHARS - 30) + token + "z".repeat(100);

        assertFalse(CaseText.shown(text).contains("0123456789abcdef01234567"), "no part of the nonce");
    }
}
