package org.conductd.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private final DigestSchedule mondaysAtEight = new DigestSchedule("0 0 8 * * MON", ZoneId.of("Europe/Berlin"));

    @Test
    void justAfterTheScheduledTimeThatTimeIsDue() {
        // Monday 2026-11-23 08:00 in Berlin is 07:00 UTC.
        assertEquals(Optional.of(Instant.parse("2026-11-23T07:00:00Z")),
                mondaysAtEight.lastDue(Instant.parse("2026-11-23T07:00:30Z")));
    }

    @Test
    void justBeforeTheScheduledTimeTheWeekBeforeIsDue() {
        assertEquals(Optional.of(Instant.parse("2026-11-16T07:00:00Z")),
                mondaysAtEight.lastDue(Instant.parse("2026-11-23T06:59:00Z")));
    }

    @Test
    void daysOfDowntimeStillFindTheMissedDigest() {
        assertEquals(Optional.of(Instant.parse("2026-11-23T07:00:00Z")),
                mondaysAtEight.lastDue(Instant.parse("2026-11-27T12:00:00Z")));
    }

    @Test
    void theTimeZoneDecidesTheHour() {
        DigestSchedule utc = new DigestSchedule("0 0 8 * * MON", ZoneId.of("UTC"));
        assertEquals(Optional.of(Instant.parse("2026-11-23T08:00:00Z")), utc.lastDue(Instant.parse("2026-11-23T09:00:00Z")));
    }
}
