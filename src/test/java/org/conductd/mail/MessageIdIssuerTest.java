package org.conductd.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageIdIssuerTest {

    private static final EmailAddress ALICE = EmailAddress.of("alice@example.org");
    private static final EmailAddress BOB = EmailAddress.of("bob@example.org");
    private final MessageIdIssuer issuer = new MessageIdIssuer("a-secret-of-enough-length", "example.org");

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
        String forged = new MessageIdIssuer("another-secret-entirely", "example.org").forMember(7, ALICE);
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
}
