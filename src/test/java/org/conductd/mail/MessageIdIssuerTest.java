package org.conductd.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MessageIdIssuerTest {

    private static final EmailAddress ALICE = EmailAddress.of("alice@example.org");
    private static final EmailAddress BOB = EmailAddress.of("bob@example.org");
    private static final String SECRET = "9d3e71c0a5f24b8e6c1d0f7a2b94e365";
    private final MessageIdIssuer issuer = new MessageIdIssuer(SECRET, "example.org");

    @Test
    void tokenIsValidForItsMemberAndCase() {
        assertTrue(issuer.isTokenFor(issuer.forMember(7, ALICE), 7, ALICE));
    }

    @Test
    void tokenIsNotValidForAnotherMember() {
        assertFalse(issuer.isTokenFor(issuer.forMember(7, ALICE), 7, BOB));
    }

    @Test
    void tokenIsNotValidForAnotherCase() {
        assertFalse(issuer.isTokenFor(issuer.forMember(7, ALICE), 8, ALICE));
    }

    @Test
    void tokenFromAnotherSecretIsNotValid() {
        String forged = new MessageIdIssuer("another-secret-entirely-32-chars-", "example.org").forMember(7, ALICE);
        assertFalse(issuer.isTokenFor(forged, 7, ALICE));
    }

    @Test
    void alteredTokenIsNotValid() {
        String id = issuer.forMember(7, ALICE);
        String altered = id.replaceFirst("\\.([0-9a-f])", id.contains(".0") ? ".1" : ".0");
        assertFalse(issuer.isTokenFor(altered, 7, ALICE));
    }

    @Test
    void caseMailWithoutATokenIsNeverAToken() {
        assertFalse(issuer.isTokenFor(issuer.forCase(7), 7, ALICE));
        assertFalse(issuer.isTokenFor(null, 7, ALICE));
    }

    @Test
    void everyIdIsNew() {
        assertNotEquals(issuer.forMember(7, ALICE), issuer.forMember(7, ALICE));
    }

    @Test
    void theTokenIsKeyedWithTheMemberTokenKeyNotWithTheSecretItself() throws Exception {
        String id = issuer.forMember(7, ALICE);
        String[] parts = id.substring(0, id.indexOf('@')).split("\\.");
        String bound = "conductd-token\u0000" + 7 + "\u0000" + ALICE.address() + "\u0000" + parts[1];

        assertEquals(mac(SecretKeys.derive(SECRET, SecretKeys.Use.MEMBER_TOKEN), bound), parts[2]);
        assertNotEquals(mac(SECRET.getBytes(StandardCharsets.UTF_8), bound), parts[2]);
    }

    @Test
    void aTokenIsLeftOutOfATextHoweverItIsQuoted() {
        String id = issuer.forMember(7, ALICE);
        String bare = id.substring(0, id.indexOf('@'));
        String text = "Message-ID: <" + id + ">\nqueued as " + bare + "\n" + bare.toUpperCase(java.util.Locale.ROOT);

        assertEquals("Message-ID: <c7.[token]@example.org>\nqueued as c7.[token]\nC7.[token]",
                MessageIdIssuer.withoutTokens(text));
    }

    @Test
    void idsWithoutATokenAndOtherHexAreKept() {
        String caseId = issuer.forCase(7);
        String text = caseId + " commit 0123456789abcdef0123456789abcdef01234567";

        assertEquals(text, MessageIdIssuer.withoutTokens(text));
        assertEquals(null, MessageIdIssuer.withoutTokens(null));
    }

    private static String mac(byte[] key, String bound) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(hmac.doFinal(bound.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }
}
