package org.conductd.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.junit.jupiter.api.Test;

class RosterMentionsTest {

    private static final TeamMember BOB = new TeamMember("Bob Builder", EmailAddress.of("bob@example.org"),
            List.of(EmailAddress.of("bob.b@gmail.com")), false);
    private static final TeamMember ALICE = new TeamMember("Alice Example", EmailAddress.of("alice@example.org"),
            List.of(), true);
    private static final List<TeamMember> TEAM = List.of(ALICE, BOB);

    @Test
    void fullNameInAnyCaseNamesTheMember() {
        assertEquals(List.of(BOB), RosterMentions.named("it was BOB builder at the bar", TEAM));
    }

    @Test
    void fullNameBrokenAcrossALineStillNamesTheMember() {
        assertEquals(List.of(BOB), RosterMentions.named("it was Bob\nBuilder", TEAM));
    }

    @Test
    void firstNameAloneDoesNotNameTheMember() {
        assertEquals(List.of(), RosterMentions.named("Bob from the other team", TEAM));
    }

    @Test
    void nameInsideALongerWordDoesNotCount() {
        assertEquals(List.of(), RosterMentions.named("Bob Builders Inc. sponsored it", TEAM));
    }

    @Test
    void aliasAddressNamesTheMember() {
        assertEquals(List.of(BOB), RosterMentions.named("write to Bob.B@gmail.com please", TEAM));
    }

    @Test
    void addressInsideALongerAddressDoesNotCount() {
        assertEquals(List.of(), RosterMentions.named("mail notbob@example.org or bob@example.org.evil", TEAM));
    }

    @Test
    void addressAtTheEndOfASentenceCounts() {
        assertEquals(List.of(BOB), RosterMentions.named("It was bob@example.org.", TEAM));
    }

    @Test
    void everyNamedMemberIsFound() {
        assertEquals(List.of(ALICE, BOB), RosterMentions.named("Alice Example and bob@example.org", TEAM));
    }

    @Test
    void nameInAnotherCaseOutsideAsciiNamesTheMember() {
        TeamMember elodie = new TeamMember("Élodie Lefèvre", EmailAddress.of("elodie@example.org"), List.of(), false);
        TeamMember irem = new TeamMember("İrem Yıldız", EmailAddress.of("irem@example.org"), List.of(), false);
        TeamMember sigma = new TeamMember("Σοφία Παπαδοπούλου", EmailAddress.of("sofia@example.org"), List.of(), false);
        List<TeamMember> team = List.of(elodie, irem, sigma);

        assertEquals(List.of(elodie), RosterMentions.named("it was ÉLODIE LEFÈVRE again", team));
        assertEquals(List.of(irem), RosterMentions.named("i̇rem yildiz? no: irem yıldız", team));
        assertEquals(List.of(sigma), RosterMentions.named("ΣΟΦΊΑ ΠΑΠΑΔΟΠΟΎΛΟΥ", team));
    }

    @Test
    void memberWhoseNameLiesOutsideTheBasicPlaneIsStillFound() {
        TeamMember deseret = new TeamMember("\uD801\uDC00\uD801\uDC01 Smith", EmailAddress.of("d@example.org"), List.of(), false);

        assertEquals(List.of(deseret), RosterMentions.named("it was \uD801\uDC28\uD801\uDC29 smith", List.of(deseret)));
    }
}
