package org.conductd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenSecretStrengthTest {

    @Test
    void thirtyTwoRandomHexDigitsAreStrong() {
        assertEquals("84ebec0ab81c4e0f945ddb0adc013476", TokenSecretStrength.requireStrong("84ebec0ab81c4e0f945ddb0adc013476"));
    }

    @Test
    void aWeakSecretIsRefusedNamingTheKey() {
        assertEquals("conductd.security.token-secret",
                assertThrows(ConfigException.class, () -> TokenSecretStrength.requireStrong("change-me")).key());
    }

    @Test
    void aPieceRepeatedIsFoundWhereverTheRepetitionStops() {
        assertTrue(TokenSecretStrength.repeatsAShorterPiece("abcabcab"));
        assertFalse(TokenSecretStrength.repeatsAShorterPiece("abcabcx"));
        assertTrue(TokenSecretStrength.repeatsAShorterPiece("aaaa"));
    }
}
