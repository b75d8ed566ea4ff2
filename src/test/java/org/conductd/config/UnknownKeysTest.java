package org.conductd.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownKeysTest {

    private final UnknownKeys keys = new UnknownKeys(List.of("conductd.imap.host", "conductd.team", "conductd.poll-interval"));

    @Test
    void knownKeysPass() {
        assertDoesNotThrow(() -> keys.rejectUnknown(List.of("conductd.imap.host", "conductd.poll-interval")));
    }

    @Test
    void keysOutsideConductdAreNotJudged() {
        assertDoesNotThrow(() -> keys.rejectUnknown(List.of("micronaut.server.port", "datasources.default.url")));
    }

    @Test
    void anEntryOfAListBelongsToTheList() {
        assertDoesNotThrow(() -> keys.rejectUnknown(List.of("conductd.team[0].email", "conductd.team[1].aliases[0]")));
    }

    @Test
    void aMapWrittenWholeIsTheParentOfItsKeys() {
        assertDoesNotThrow(() -> keys.rejectUnknown(List.of("conductd.imap")));
    }

    @Test
    void descriptionsOfResolutionsAreLeftToTheLoader() {
        assertDoesNotThrow(() -> keys.rejectUnknown(List.of("conductd.resolution-descriptions.ban")));
    }

    @Test
    void aMisspelledKeyIsRefusedWithTheNearestKnownKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> keys.rejectUnknown(List.of("conductd.imap.hots")));

        assertEquals("conductd.imap.hots", e.key());
        assertEquals("conductd.imap.hots: unknown key; did you mean conductd.imap.host?", e.getMessage());
    }

    @Test
    void aKeyFarFromEveryKnownKeyGetsNoSuggestion() {
        assertEquals("conductd.smtp: unknown key",
                assertThrows(ConfigException.class, () -> keys.rejectUnknown(List.of("conductd.smtp"))).getMessage());
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, UnknownKeys.editDistance("host", "host"));
        assertEquals(2, UnknownKeys.editDistance("hots", "host"));
        assertEquals(1, UnknownKeys.editDistance("port", "ports"));
        assertEquals(3, UnknownKeys.editDistance("", "abc"));
    }
}
