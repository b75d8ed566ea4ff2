package org.conductd.commands;

/**
 * The character and word checks that {@link QuoteMarkers}, {@link Attributions},
 * {@link VerblessAttributions} and {@link HeaderBlocks} share, kept in one place so that each
 * reads blanks, rule marks, line breaks and case exactly as the others do. Each is one plain
 * scan at most.
 */
final class LineText {

    private LineText() {
    }

    /** ASCII rule marks, and the Unicode dashes some clients write theirs with ("‐‐‐‐‐‐‐ Original Message ‐‐‐‐‐‐‐"). */
    static boolean isRuleMarkOrBlank(char c) {
        return c == '-' || c == '=' || c == '_' || c == '*' || c >= '\u2010' && c <= '\u2015' || c == '\u2500'
                || isAsciiSpace(c);
    }

    /**
     * A command line ("NOTE: …"): a word of at least three capitals or dashes, starting with a
     * capital, right before a colon. It is the author's own text, never a client's marker.
     */
    static boolean isCommandLike(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) >= 'A' && text.charAt(i) <= 'Z' || i > 0 && text.charAt(i) == '-')) {
            i++;
        }
        return i >= 3 && i < text.length() && text.charAt(i) == ':' && !hasLineBreak(text);
    }

    /**
     * The text with each character in the form a caseless match compares (lower case of the
     * upper case, as String.regionMatches and java.util.regex with UNICODE_CASE do).
     */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }

    /** The blanks java.util.regex's {@code \\s} stands for without UNICODE_CHARACTER_CLASS. */
    static boolean isAsciiSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** The line terminators that {@code .} does not cross in java.util.regex. */
    static boolean hasLineBreak(String text) {
        return hasLineBreak(text, 0);
    }

    static boolean hasLineBreak(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
