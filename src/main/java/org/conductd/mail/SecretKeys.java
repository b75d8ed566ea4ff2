package org.conductd.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys conductd uses, each derived from {@code security.token-secret} for one use alone
 * with HKDF-SHA256 (RFC 5869), so that a value made with one key says nothing about another:
 * a Thread-Index, which reporters and the DSF see, gives no handle on the key of the tokens
 * that let members act on a case. Changing a label changes its key, and so invalidates what
 * was made with the old one (tokens in mail sent before).
 */
public final class SecretKeys {

    /** What a key is for; the label is HKDF's "info", distinct for every use. */
    public enum Use {
        /** The HMAC in the Message-IDs of mail to responders ({@link MessageIdIssuer}). */
        MEMBER_TOKEN("conductd member token"),
        /** The conversation id in Outlook's Thread-Index, shared by a case's mail to anyone. */
        THREAD_INDEX("conductd thread index");

        private final String label;

        Use(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private SecretKeys() {
    }

    /** The 256-bit key for {@code use} from the configured secret. */
    public static byte[] derive(String tokenSecret, Use use) {
        return hkdf(new byte[0], tokenSecret.getBytes(StandardCharsets.UTF_8),
                use.label().getBytes(StandardCharsets.UTF_8), HASH_LENGTH);
    }

    /**
     * HKDF-Extract then HKDF-Expand with HMAC-SHA256 (RFC 5869 §2). Written out because the
     * JDK has HKDF only from Java 24 ({@code javax.crypto.KDF}), and the construction is two
     * HMAC steps: a crypto library for them would be a large dependency for a dozen lines.
     */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 1 to 8160 bytes, not " + length);
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            // No salt means a string of HashLen zeros (RFC 5869 §2.2).
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, HMAC));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, HMAC));
            byte[] okm = new byte[length];
            byte[] block = new byte[0];
            for (int counter = 1, filled = 0; filled < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                int n = Math.min(block.length, length - filled);
                System.arraycopy(block, 0, okm, filled, n);
                filled += n;
            }
            return okm;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
