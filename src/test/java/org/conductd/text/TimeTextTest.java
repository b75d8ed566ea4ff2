package org.conductd.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeTextTest {

    private static final Instant AT = Instant.parse("2026-05-10T23:30:59.750Z");

    @Test
    void peopleReadTheMinuteAndTheZoneNamedUtc() {
        assertEquals("2026-05-10 23:30 UTC", TimeText.forPeople(AT, ZoneOffset.UTC));
        assertEquals("2026-05-10 23:30 UTC", TimeText.forPeople(AT, ZoneId.of("UTC")));
    }

    @Test
    void peopleInAnotherZoneReadItsLocalTimeAndItsName() {
        assertEquals("2026-05-11 01:30 Europe/Berlin", TimeText.forPeople(AT, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void recordsAreIsoInUtcCutToTheSecond() {
        assertEquals("2026-05-10T23:30:59Z", TimeText.forRecords(AT));
    }

    @Test
    void theDayIsTheOneInTheGivenZone() {
        assertEquals("2026-05-10", TimeText.day(AT, ZoneOffset.UTC));
        assertEquals("2026-05-11", TimeText.day(AT, ZoneId.of("Europe/Berlin")));
    }
}
