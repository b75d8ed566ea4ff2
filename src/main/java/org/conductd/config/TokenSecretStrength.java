package org.conductd.config;

/**
 * Accepts a token secret only if it can hold 128 random bits: at least 32 characters, at least
 * 8 different ones, and not a shorter piece repeated ("0123456789abcdef0123456789abcdef").
 * Every key conductd uses is derived from it, and members, reporters and the DSF all receive
 * values made with those keys, against which a guessable secret can be tried.
 */
final class TokenSecretStrength {

    static final String KEY = SettingsLoader.PREFIX + "security.token-secret";
    /** 128 bits when the characters are random hex digits, 4 bits each. */
    private static final int MIN_SECRET_LENGTH = 32;
    /** 32 random hex digits show fewer than 8 different ones about once in 28 million. */
    private static final int MIN_SECRET_DISTINCT_CHARACTERS = 8;

    private TokenSecretStrength() {
    }

    /** The secret, or a {@link ConfigException} that says how to make one and does not repeat it. */
    static String requireStrong(String secret) {
        boolean weak = secret.length() < MIN_SECRET_LENGTH
                || secret.chars().distinct().count() < MIN_SECRET_DISTINCT_CHARACTERS
                || repeatsAShorterPiece(secret);
        if (weak) {
            throw new ConfigException(KEY,
                    "must be a random string of at least " + MIN_SECRET_LENGTH + " characters, not a pattern;"
                            + " make one with `openssl rand -hex 32`");
        }
        return secret;
    }

    /** True if the text is some shorter piece written twice or more (the last time perhaps cut short). */
    static boolean repeatsAShorterPiece(String text) {
        // The longest proper prefix that is also a suffix, by the Knuth-Morris-Pratt failure function: the
        // shortest period is what is left, and a period of at most half the length means a repetition.
        int[] border = new int[text.length()];
        for (int i = 1; i < text.length(); i++) {
            int k = border[i - 1];
            while (k > 0 && text.charAt(i) != text.charAt(k)) {
                k = border[k - 1];
            }
            border[i] = text.charAt(i) == text.charAt(k) ? k + 1 : k;
        }
        int period = text.length() - (text.isEmpty() ? 0 : border[text.length() - 1]);
        return period <= text.length() / 2;
    }
}
