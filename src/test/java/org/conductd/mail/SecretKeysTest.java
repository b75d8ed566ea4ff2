package org.conductd.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Keys derived from the token secret: HKDF-SHA256 as RFC 5869 defines it, one key per use. */
class SecretKeysTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SECRET = "6f1c0e9a54b2d8730c4e1fa9b6d2e58c";

    @Test
    void hkdfGivesTheOutputOfRfc5869TestCase1() {
        byte[] okm = SecretKeys.hkdf(HEX.parseHex("000102030405060708090a0b0c"),
                HEX.parseHex("0b".repeat(22)), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(okm));
    }

    @Test
    void hkdfWithoutSaltOrInfoGivesTheOutputOfRfc5869TestCase3() {
        byte[] okm = SecretKeys.hkdf(new byte[0], HEX.parseHex("0b".repeat(22)), new byte[0], 42);

        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(okm));
    }

    @Test
    void everyUseHasItsOwnKey() {
        byte[] token = SecretKeys.derive(SECRET, SecretKeys.Use.MEMBER_TOKEN);
        byte[] threadIndex = SecretKeys.derive(SECRET, SecretKeys.Use.THREAD_INDEX);

        assertEquals(32, token.length);
        assertFalse(Arrays.equals(token, threadIndex));
        assertFalse(Arrays.equals(token, SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSameSecretAlwaysGivesTheSameKey() {
        assertArrayEquals(SecretKeys.derive(SECRET, SecretKeys.Use.MEMBER_TOKEN),
                SecretKeys.derive(SECRET, SecretKeys.Use.MEMBER_TOKEN));
    }

    @Test
    void theLabelsAreDistinct() {
        assertEquals(SecretKeys.Use.values().length,
                Arrays.stream(SecretKeys.Use.values()).map(SecretKeys.Use::label).distinct().count());
    }
}
