package org.conductd.ingest;

/**
 * Text as Java's patterns read it without their Unicode options, for the plain scans and RE2
 * patterns that read mail in linear time: blanks are the six ASCII ones and case is ASCII case.
 */
final class AsciiText {

    /** The blanks, for a character class of an RE2 pattern: RE2's {@code \s} leaves out the vertical tab. */
    static final String BLANKS = "\\t\\n\\x0B\\f\\r ";

    private AsciiText() {
    }

    /**
     * The text with its ASCII letters lower-cased and every other character, and so every
     * index, kept. A lower-case pattern matched against it ignores ASCII case only, where RE2's
     * case-insensitive mode would also take "ſ" (long s) for "s" and the Kelvin sign for "k".
     */
    static String lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** Space, tab, line feed, vertical tab, form feed or carriage return. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Whether the text holds any of the phrases, which are lower-case: ASCII case is ignored. */
    static boolean containsAny(String text, Iterable<String> phrases) {
        String lower = lowerCase(text);
        for (String phrase : phrases) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
