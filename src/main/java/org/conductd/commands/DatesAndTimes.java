package org.conductd.commands;

/**
 * The dates and times of day that mail clients write into attributions ("14:41", "18.30",
 * "02.03.26", "2026-03-02", "Wednesday,"), recognised as words of their own. An attribution
 * without a verb is told from the author's text by them, and one with a verb often by them
 * too, so {@link Attributions} and {@link VerblessAttributions} both read them here. Each check
 * is a plain scan, linear in the text.
 */
final class DatesAndTimes {

    /** The longest weekday name a client writes before its comma ("Wednesday", "Donnerstag", "miércoles"). */
    private static final int WEEKDAY_MAX_CHARS = 12;

    private DatesAndTimes() {
    }

    /** A time of day as a word of its own: one or two digits, a colon, two digits ("9:05", "14:41"). */
    static boolean namesTime(String line) {
        for (int colon = line.indexOf(':'); colon >= 0; colon = line.indexOf(':', colon + 1)) {
            int hours = 0;
            while (hours < 2 && colon - hours > 0 && isAsciiDigit(line.charAt(colon - hours - 1))) {
                hours++;
            }
            int end = colon + 3;
            if (hours > 0 && wordEndsBefore(line, colon - hours) && end <= line.length()
                    && isAsciiDigit(line.charAt(colon + 1)) && isAsciiDigit(line.charAt(colon + 2))
                    && !startsWord(line, end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A time of day written with a full stop, between blanks or commas, as Finnish, Danish and
     * Italian clients write it ("30.09.2017, 18.30, …"): hours up to 23, minutes up to 59.
     */
    static boolean namesDottedTime(String text) {
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            int from = dot;
            while (from > 0 && dot - from < 2 && isAsciiDigit(text.charAt(from - 1))) {
                from--;
            }
            int to = dot + 3;
            if (from < dot && to <= text.length() && isAsciiDigit(text.charAt(dot + 1)) && isAsciiDigit(text.charAt(dot + 2))
                    && (from == 0 || text.charAt(from - 1) == ' ') && (to == text.length() || text.charAt(to) == ',' || text.charAt(to) == ' ')
                    && Integer.parseInt(text.substring(from, dot)) <= 23 && Integer.parseInt(text.substring(dot + 1, to)) <= 59) {
                return true;
            }
        }
        return false;
    }

    /** A year from 1900 to 2099 as a number of its own ("2026", not the "2026" of "120265"). */
    static boolean namesYear(String text) {
        for (int i = 0; i + 4 <= text.length(); i++) {
            if ((text.startsWith("19", i) || text.startsWith("20", i)) && isAsciiDigit(text.charAt(i + 2))
                    && isAsciiDigit(text.charAt(i + 3)) && (i == 0 || !isAsciiDigit(text.charAt(i - 1)))
                    && (i + 4 == text.length() || !isAsciiDigit(text.charAt(i + 4)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text opens with a date: with a digit, or with a weekday and its comma. */
    static boolean opensWithDate(String text) {
        if (isAsciiDigit(text.charAt(0))) {
            return true;
        }
        int end = 0;
        while (end < text.length() && end <= WEEKDAY_MAX_CHARS && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end > 0 && end <= WEEKDAY_MAX_CHARS && end < text.length() && text.charAt(end) == ',';
    }

    /** Whether a numeric date ("02/03/2026", "2.3.2026") stands as a word of its own somewhere in the text. */
    static boolean holdsNumericDate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isAsciiDigit(text.charAt(i)) && (i == 0 || !isAsciiDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '.')
                    && opensWithNumericDate(text.substring(i, Math.min(text.length(), i + 10)))) {
                return true;
            }
        }
        return false;
    }

    /** Thunderbird's short date, with a two-digit year ("02.03.26"): a chat log's "14.03.2026 22:41, Mark:" stays text. */
    static boolean opensWithShortNumericDate(String text) {
        return opensWithNumericDate(text) && text.length() > 8 && !isAsciiDigit(text.charAt(8))
                && isAsciiDigit(text.charAt(6)) && isAsciiDigit(text.charAt(7));
    }

    /** "02.03.26", "2026-03-02", "3/2/2026": digits, a separator, digits, the same separator, digits. */
    static boolean opensWithNumericDate(String text) {
        int i = digitsFrom(text, 0);
        if (i == 0 || i > 4 || i >= text.length()) {
            return false;
        }
        char separator = text.charAt(i);
        if (separator != '.' && separator != '/' && separator != '-') {
            return false;
        }
        int j = digitsFrom(text, i + 1);
        if (j == i + 1 || j - i - 1 > 2 || j >= text.length() || text.charAt(j) != separator) {
            return false;
        }
        int k = digitsFrom(text, j + 1);
        return k > j + 1 && k - j - 1 <= 4;
    }

    private static int digitsFrom(String text, int from) {
        int i = from;
        while (i < text.length() && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether no word goes on through {@code at} from the left: the character before it is not part of one. */
    private static boolean wordEndsBefore(String line, int at) {
        return at == 0 || !isWordBefore(line, at);
    }

    /** Whether a word starts or goes on at {@code at}. */
    private static boolean startsWord(String line, int at) {
        if (at >= line.length()) {
            return false;
        }
        int c = line.codePointAt(at);
        return isLetterDigitOrUnderscore(c) || Character.getType(c) == Character.NON_SPACING_MARK && hasBase(line, at);
    }

    private static boolean isWordBefore(String line, int at) {
        int c = line.codePointBefore(at);
        return isLetterDigitOrUnderscore(c)
                || Character.getType(c) == Character.NON_SPACING_MARK && hasBase(line, at - Character.charCount(c));
    }

    /** A combining mark belongs to the word of the letter or digit it follows, as {@code \\b} reads it. */
    private static boolean hasBase(String line, int mark) {
        for (int i = mark; i >= 0; i--) {
            int c = line.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }

    private static boolean isLetterDigitOrUnderscore(int c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
