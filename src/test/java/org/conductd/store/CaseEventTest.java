package org.conductd.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An event's detail never holds a member's token, whoever wrote it there, and however old the row. */
class CaseEventTest {

    private static final String TOKEN = "c3.0123456789abcdef01234567.89abcdef0123456789abcdef01234567@example.org";

    @Test
    void aTokenInADetailIsLeftOut() {
        CaseEvent event = new CaseEvent(null, 3L, Instant.EPOCH, Actor.of("alice@example.org"), EventKind.NOTE, "see <" + TOKEN + ">", null);

        assertEquals("see <c3.[token]@example.org>", event.detail());
    }

    @Test
    void aTokenInADetailReadForTheIncidentLogIsLeftOut() {
        assertEquals("see c3.[token]@example.org", new CaseEventDetail(3L, "see " + TOKEN).detail());
    }

    @Test
    void noDetailStaysNone() {
        assertNull(new CaseEvent(null, 3L, Instant.EPOCH, Actor.CONDUCTD, EventKind.OPENED, null, null).detail());
    }
}
