package org.conductd.outbound;

import com.google.re2j.Pattern;

/**
 * Turns any text into something safe for one header line: no line breaks, no control characters.
 * In time linear in the text, which may be anyone's name or subject.
 */
final class HeaderText {

    // Cc covers C0 and C1 controls (CR, LF, TAB, NEL...), and so every blank of java.util.regex's \s
    // but the space; Zl/Zp are the Unicode line and paragraph separators.
    private static final Pattern BREAKS_AND_BLANKS = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp} ]+");

    private HeaderText() {
    }

    /** Every run of whitespace or control characters becomes one space; trimmed; at most {@code max} chars. */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = BREAKS_AND_BLANKS.matcher(text).replaceAll(" ").strip();
        if (line.length() <= max) {
            return line;
        }
        int end = max;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--; // never cut a character in half
        }
        return line.substring(0, end).strip();
    }

    static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
