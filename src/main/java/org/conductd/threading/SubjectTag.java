package org.conductd.threading;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds case tags such as {@code [CoC #42]} in a subject, whatever "Re:"/"Fwd:" surround them.
 * The tag compares case-insensitively; blanks may stand around it, the "#" and the number.
 * Subjects are read with a plain scan, in time linear in the subject, since anyone can write one.
 */
public final class SubjectTag {

    private static final int MAX_DIGITS = 12;

    private final String tag;
    /** Blanks the tag starts with, which may stand for some of those after the "[". */
    private final int leadingBlanks;

    public SubjectTag(String tag) {
        this.tag = tag;
        this.leadingBlanks = blanksEnd(tag, 0);
    }

    /** Case numbers tagged in the subject, in order of appearance. */
    public List<Long> caseNumbers(String subject) {
        List<Long> numbers = new ArrayList<>();
        if (subject == null) {
            return numbers;
        }
        int open = subject.indexOf('[');
        while (open >= 0) {
            Found found = tagAt(subject, open);
            if (found != null && !numbers.contains(found.caseNumber())) {
                numbers.add(found.caseNumber());
            }
            open = subject.indexOf('[', found == null ? open + 1 : found.end());
        }
        return numbers;
    }

    /** A tag's case number and where the tag ends, after its "]". */
    private record Found(long caseNumber, int end) {
    }

    /** The tag opened by the "[" at {@code open}, or null when none is. */
    private Found tagAt(String subject, int open) {
        int blanksEnd = blanksEnd(subject, open + 1);
        for (int start = blanksEnd; start > open && start >= blanksEnd - leadingBlanks; start--) {
            Found found = numberAfterTag(subject, start);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The rest of a tag, " # 42 ]", when the tag's name stands at {@code start}. */
    private Found numberAfterTag(String subject, int start) {
        if (!subject.regionMatches(true, start, tag, 0, tag.length())) {
            return null;
        }
        int hash = blanksEnd(subject, start + tag.length());
        if (hash == subject.length() || subject.charAt(hash) != '#') {
            return null;
        }
        int digitsStart = blanksEnd(subject, hash + 1);
        int digitsEnd = digitsStart;
        while (digitsEnd < subject.length() && subject.charAt(digitsEnd) >= '0' && subject.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        int close = blanksEnd(subject, digitsEnd);
        boolean tagged = digitsEnd > digitsStart && digitsEnd - digitsStart <= MAX_DIGITS
                && close < subject.length() && subject.charAt(close) == ']';
        return tagged ? new Found(Long.parseLong(subject.substring(digitsStart, digitsEnd)), close + 1) : null;
    }

    /** Where the blanks (space, tab, line breaks, vertical tab, form feed) from {@code start} end. */
    private static int blanksEnd(String text, int start) {
        int end = start;
        while (end < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return end;
    }
}
