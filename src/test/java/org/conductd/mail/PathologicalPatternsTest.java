package org.conductd.mail;

import static org.conductd.support.PathologicalText.quickly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Message-IDs, References and the texts that may quote a token are written by whoever sends
 * the mail: each reading must take a megabyte built against backtracking patterns within a
 * bound that only a linear reading meets. The plain tests pin what the scans find.
 */
class PathologicalPatternsTest {

    private static final String INPUTS = "org.conductd.support.PathologicalText#inputs";
    private static final EmailAddress ALICE = EmailAddress.of("alice@example.org");
    private static final String NONCE = "0123456789abcdef01234567";
    private static final String MAC = "0123456789abcdef0123456789abcdef";

    private final MessageIdIssuer issuer = new MessageIdIssuer("9d3e71c0a5f24b8e6c1d0f7a2b94e365", "example.org");

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void messageIdsAreReadInLinearTime(String name, String text) {
        String bracketed = "<" + text + ">";
        quickly(() -> List.of(MessageId.parseAll(text), MessageId.parseAll(bracketed),
                String.valueOf(MessageId.parseOne(text)), String.valueOf(MessageId.parseOne(bracketed)),
                MessageId.normalise(text)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(INPUTS)
    void tokensAreCheckedAndLeftOutInLinearTime(String name, String text) {
        String id = "c1." + NONCE + "." + MAC + "@" + text;
        quickly(() -> List.of(issuer.isTokenFor(text, 1, ALICE), issuer.isTokenFor(id, 1, ALICE),
                MessageIdIssuer.withoutTokens(text), MessageIdIssuer.withoutTokens(NONCE + "." + text)));
    }

    @Test
    void aTokenStartingARunOfHexIsLeftOutWhateverFollowsIt() {
        assertEquals("<c7.[token]@example.org>",
                MessageIdIssuer.withoutTokens("<c7." + NONCE + "." + MAC + "@example.org>"));
        assertEquals("[token]ff.[token]", MessageIdIssuer.withoutTokens(NONCE + "." + MAC + "ff." + NONCE + "." + MAC));
    }

    @Test
    void aTokenWithinALongerRunOfHexIsKept() {
        String longer = "ab" + NONCE + "." + MAC;
        String shortMac = NONCE + "." + MAC.substring(1);
        assertEquals(longer, MessageIdIssuer.withoutTokens(longer));
        assertEquals(shortMac, MessageIdIssuer.withoutTokens(shortMac));
    }

    @Test
    void aNonceThatIsNoTokensStillLeavesTheNextOneToFind() {
        assertEquals(NONCE + ".[token]", MessageIdIssuer.withoutTokens(NONCE + "." + NONCE + "." + MAC));
    }

    @Test
    void aTokenIdIsReadOnlyAsWritten() {
        String id = issuer.forMember(1234567890123L, ALICE);
        assertTrue(issuer.isTokenFor(id, 1234567890123L, ALICE));
        assertTrue(issuer.isTokenFor(id.replace("@example.org", "@EXAMPLE.org"), 1234567890123L, ALICE));
        assertFalse(issuer.isTokenFor(id.replace("c1234567890123.", "c01234567890123456789."), 1234567890123L, ALICE));
        assertFalse(issuer.isTokenFor(id.toUpperCase(java.util.Locale.ROOT), 1234567890123L, ALICE));
        assertFalse(issuer.isTokenFor(id + "\n", 1234567890123L, ALICE));
        assertFalse(issuer.isTokenFor(id.substring(0, id.indexOf('@') + 1), 1234567890123L, ALICE));
    }

    @Test
    void bracketedIdsEndAtABlankOrAControlCharacter() {
        assertEquals(List.of("b@x", "d@x"), MessageId.parseAll("<a @x> <<b@x>> <c\u000b@x> <d@x>"));
        assertEquals("\u00e9t\u00e9@x.org", MessageId.parseOne(" \u00e9t\u00e9@X.org "));
        assertEquals(null, MessageId.parseOne("a@x b@x"));
    }
}
