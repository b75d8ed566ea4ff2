package org.conductd.cases;

import static org.conductd.support.PathologicalText.quickly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A report's text decides whether it is anonymous, which roster members it names and which
 * earlier cases name the same person. Each reading takes a megabyte built against backtracking patterns within a bound only a
 * linear reading meets, and the rewritten word boundaries still mean what they did.
 */
class PathologicalPatternsTest {

    private static final String INPUTS = "org.conductd.support.PathologicalText#inputs";
    private static final List<TeamMember> TEAM = List.of(
            new TeamMember("Anna Lee", EmailAddress.of("a@b.org"), List.of(EmailAddress.of("anna@example.org")), true),
            new TeamMember("A B", EmailAddress.of("ab@b.c"), List.of(), false));

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void reportsAreReadInLinearTime(String name, String text) {
        quickly(() -> {
            AnonymousReports.isAnonymous(text, text);
            RosterMentions.named("Anna" + text + "Lee", TEAM);
            return PatternCheck.normalise(text);
        });
    }

    @Test
    void anonymousIsAWordOfItsOwn() {
        assertTrue(AnonymousReports.isAnonymous("Anonymous report", null));
        assertTrue(AnonymousReports.isAnonymous(null, "\n  (ANONYMOUS)\nwhat happened"));
        assertTrue(AnonymousReports.isAnonymous("anonymous", null));
        assertFalse(AnonymousReports.isAnonymous("nonanonymous", null));
        assertFalse(AnonymousReports.isAnonymous("anonymously", null));
        assertFalse(AnonymousReports.isAnonymous("anonymous2", null));
        assertFalse(AnonymousReports.isAnonymous(null, "first line\nanonymous"));
    }

    @Test
    void anAddressEndsWhereAddressCharactersStop() {
        TeamMember anna = TEAM.get(0);
        assertEquals(List.of(anna), RosterMentions.named("ask anna@example.org.", TEAM));
        assertEquals(List.of(anna), RosterMentions.named("<ANNA@example.org>", TEAM));
        assertEquals(List.of(anna), RosterMentions.named("anna@example.org", TEAM));
        assertEquals(List.of(), RosterMentions.named("joanna@example.org", TEAM));
        assertEquals(List.of(), RosterMentions.named("x.anna@example.org", TEAM));
        assertEquals(List.of(), RosterMentions.named("anna@example.org.evil", TEAM));
        assertEquals(List.of(), RosterMentions.named("anna@example.org-x", TEAM));
        assertEquals(List.of(anna), RosterMentions.named("Anna \t\n Lee", TEAM));
        assertEquals(List.of(), RosterMentions.named("Annabel Lee", TEAM));
        assertEquals(List.of(), RosterMentions.named("Anna Leeds", TEAM));
    }

    @Test
    void namesCompareWithoutCaseAccentsOrPunctuation() {
        assertEquals("jose garcia lopez", PatternCheck.normalise("  José GARCÍA-López! "));
    }
}
