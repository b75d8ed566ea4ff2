package org.conductd.reports;

import io.micronaut.scheduling.cron.CronExpression;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When digests are due: the cron expression's fire times in the digest's time zone. The
 * latest fire time at or before now is the digest that should have gone out, whether the
 * daemon was running then or not.
 */
public final class DigestSchedule {

    /** How far back a missed digest is still looked for: longer than any weekly schedule's gap. */
    private static final long LOOK_BACK_DAYS = 8;

    private final CronExpression cron;
    private final ZoneId zone;

    public DigestSchedule(String cron, ZoneId zone) {
        this.cron = CronExpression.create(cron);
        this.zone = zone;
    }

    /** The latest scheduled time at or before {@code now}, if there was one in the last eight days. */
    public Optional<Instant> lastDue(Instant now) {
        ZonedDateTime end = now.atZone(zone);
        ZonedDateTime t = end.minusDays(LOOK_BACK_DAYS);
        ZonedDateTime last = null;
        while (true) {
            ZonedDateTime next = cron.nextTimeAfter(t);
            if (next == null || next.isAfter(end)) {
                return Optional.ofNullable(last).map(ZonedDateTime::toInstant);
            }
            last = next;
            t = next;
        }
    }
}
