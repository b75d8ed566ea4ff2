package org.conductd.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.conductd.mail.EmailAddress;
import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void aMemberIsStoredAsTheirRosterAddress() {
        Actor alice = Actor.member(EmailAddress.of("alice@example.org"));
        assertEquals("alice@example.org", alice.value());
        assertEquals(alice, Actor.of("alice@example.org"));
        assertTrue(alice.isMember());
    }

    @Test
    void conductdAndThePartiesAreStoredAsTheWordsEarlierVersionsWrote() {
        assertEquals("conductd", Actor.CONDUCTD.value());
        assertEquals("reporter", Actor.REPORTER.value());
        assertEquals("reported", Actor.REPORTED.value());
        assertEquals("witness", Actor.of(AuthorRole.WITNESS).value());
        assertEquals(Actor.REPORTER, Actor.of("reporter"));
    }

    @Test
    void anUnknownStoredWordIsAnErrorNotAGuess() {
        assertThrows(IllegalArgumentException.class, () -> Actor.of("organizer"));
        assertThrows(IllegalArgumentException.class, () -> Actor.of("Reporter"));
        assertThrows(IllegalArgumentException.class, () -> Actor.of("member"));
    }

    @Test
    void onlyAMemberHasAnAddress() {
        assertThrows(IllegalArgumentException.class, () -> new Actor(Actor.Role.REPORTER, "bob@example.org"));
        assertThrows(IllegalArgumentException.class, () -> new Actor(Actor.Role.MEMBER, null));
    }
}
