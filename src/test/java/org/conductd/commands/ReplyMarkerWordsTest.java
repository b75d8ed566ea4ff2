package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-language word lists are data: read by kind, in file order, every language together. */
class ReplyMarkerWordsTest {

    @Test
    void wordsOfAKindComeFromEveryLanguageInFileOrder() {
        ReplyMarkerWords words = ReplyMarkerWords.parse("# comment\nfrom en: From\nheader en: Sent|To\n\nfrom de: Von\n");
        assertEquals(List.of("From", "Von"), words.list("from"));
        assertEquals(List.of("Sent", "To"), words.list("header"));
        assertEquals(List.of(), words.list("start"));
    }

    @Test
    void aMalformedLineIsNamedByItsNumber() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReplyMarkerWords.parse("from en: From\nheader Sent|To\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void theShippedListsCoverEveryLanguageTeamsAnswerIn() {
        String shipped = String.join("\n", ReplyMarkerWords.load().list("from"));
        for (String from : List.of("From", "Von", "De", "Da", "Van", "Fra", "Från", "Lähettäjä", "Od", "От", "Від",
                "Kimden", "差出人", "发件人", "보낸 사람")) {
            assertTrue(shipped.contains(from), from);
        }
    }
}
