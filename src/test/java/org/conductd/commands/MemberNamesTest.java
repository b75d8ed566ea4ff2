package org.conductd.commands;

import static org.conductd.commands.CommandFixtures.ALICE;
import static org.conductd.commands.CommandFixtures.BOB;
import static org.conductd.commands.CommandFixtures.ROSTER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemberNamesTest {

    private final MemberNames names = new MemberNames(ROSTER);

    @Test
    void meIsTheSendersAddressInLowerCase() {
        assertEquals(new MemberNames.Match.Found(BOB), names.resolve("me", "Bob@Example.org"));
    }

    @Test
    void fullNameMatchesDespiteExtraSpaces() {
        assertEquals(new MemberNames.Match.Found(ALICE), names.resolve("  alice   example ", BOB));
    }

    @Test
    void fullNameWinsOverASharedFirstName() {
        List<RosterEntry> roster = List.of(new RosterEntry("Sam", "sam@example.org", List.of()),
                new RosterEntry("Sam Lee", "sam.lee@example.org", List.of()));
        assertEquals(new MemberNames.Match.Found("sam@example.org"), new MemberNames(roster).resolve("sam", BOB));
    }

    @Test
    void lastNameAloneIsNotAName() {
        assertEquals(new MemberNames.Match.Unknown(), names.resolve("Builder", ALICE));
    }

    @Test
    void rosterAddressesAreKeptInLowerCase() {
        assertEquals("x@example.org", new RosterEntry("X", " X@Example.org ", null).address());
    }
}
