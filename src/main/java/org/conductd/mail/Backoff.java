package org.conductd.mail;

import java.time.Duration;

/**
 * How long to wait before trying a mail server again: {@code first} after the first failure,
 * doubling with each further one, never more than {@code max}. The one backoff of the IMAP
 * poll, the IDLE connection and outbox delivery.
 */
public record Backoff(Duration first, Duration max) {

    /** Doublings beyond this could overflow a Duration and are capped by {@code max} long before. */
    private static final int MAX_DOUBLINGS = 30;

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff from " + first + " to " + max);
        }
    }

    /** The wait after {@code failures} failures in a row, counting from 1. */
    public Duration after(int failures) {
        Duration delay = first.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), MAX_DOUBLINGS));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
