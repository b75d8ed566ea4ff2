package org.conductd.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventKindTest {

    @Test
    void everyKindIsReadBackFromTheWordItIsStoredAs() {
        for (EventKind kind : EventKind.values()) {
            assertEquals(kind, EventKind.of(kind.value()));
        }
    }

    @Test
    void noTwoKindsAreStoredAsTheSameWord() {
        assertEquals(EventKind.values().length, Arrays.stream(EventKind.values()).map(EventKind::value).distinct().count());
    }

    @Test
    void aKindIsStoredAsTheWordsEarlierVersionsWrote() {
        assertEquals("bounce-received", EventKind.BOUNCE_RECEIVED.value());
        assertEquals("send-now", EventKind.SEND_NOW.value());
    }

    @Test
    void anUnknownStoredWordIsAnErrorNotAGuess() {
        assertThrows(IllegalArgumentException.class, () -> EventKind.of("Opened"));
    }
}
