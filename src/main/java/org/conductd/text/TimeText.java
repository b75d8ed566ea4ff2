package org.conductd.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The two ways conductd writes an instant: for people, to the minute with the zone named
 * ("2026-05-10 09:30 UTC"), and for records such as logs, CSV and reports, as ISO 8601 in UTC to
 * the second ("2026-05-10T09:30:00Z"); plus the ISO day ("2026-05-10") both use for a date alone.
 */
public final class TimeText {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private TimeText() {
    }

    /** {@code instant} to the minute in {@code zone}, followed by the zone's name. */
    public static String forPeople(Instant instant, ZoneId zone) {
        return MINUTE.withZone(zone).format(instant) + " " + zoneName(zone);
    }

    /**
     * {@code instant} as ISO 8601 in UTC, cut to the second: fractions of a second would only
     * make rows of the same record differ between runs.
     */
    public static String forRecords(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The ISO date ({@code yyyy-MM-dd}) on which {@code instant} falls in {@code zone}. */
    public static String day(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone).format(instant);
    }

    // "Z" is what ZoneOffset.UTC calls itself; people read "UTC".
    private static String zoneName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
