package org.conductd.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void theWaitDoublesFromTheFirstFailureUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(60), backoff.after(2));
        assertEquals(Duration.ofSeconds(1920), backoff.after(7));
        assertEquals(Duration.ofHours(1), backoff.after(8));
        assertEquals(Duration.ofHours(1), backoff.after(Integer.MAX_VALUE));
    }

    @Test
    void noFailureYetWaitsTheFirstStep() {
        assertEquals(Duration.ofSeconds(30), backoff.after(0));
    }

    @Test
    void aMaximumBelowTheFirstStepIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)));
    }
}
