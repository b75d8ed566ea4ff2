package org.conductd.commands;

import static org.conductd.commands.LineText.isAsciiSpace;
import static org.conductd.commands.LineText.isRuleMarkOrBlank;

import java.util.List;

/**
 * The lines that mark quoted text itself: quote prefixes ("&gt;", "EC&gt;"), rules, and the
 * markers and separators above an original or forwarded message ("-----Original Message-----",
 * Outlook's row of underscores, an original quoted with "|"). They are the marks around the
 * quoted text, apart from the lines that say who wrote it ({@link Attributions},
 * {@link VerblessAttributions}) and from its pasted headers ({@link HeaderBlocks}). Each
 * predicate looks at plain-text lines only; which of them ends the new text is
 * {@link ReplyTrimmer}'s decision. Anyone can send a reply, so every check is a plain scan,
 * linear in the line, which also keeps the many lines of a long reply cheap.
 */
final class QuoteMarkers {

    /** How many initials may stand before a quote mark ("EC&gt;"). */
    private static final int QUOTE_INITIALS_MAX = 3;

    /**
     * Lines after which everything is the original message: Outlook's and AOL's
     * "-----Original Message-----", Gmail's "---------- Forwarded message ---------", Apple
     * Mail's "Begin forwarded message:", and their translations.
     */
    private static final List<String> ORIGINAL_MESSAGE = ReplyMarkerWords.load().list("original");

    /** Outlook's plain-text separator above the header block. */
    private static final int UNDERSCORE_SEPARATOR_MIN = 10;

    /** A horizontal rule some clients write above a header block ("-----------", "=========="). */
    private static final int RULE_MIN_MARKS = 4;

    /** The shortest rule right above an original's header block: Markdown's "---" counts there. */
    private static final int RULE_ABOVE_ORIGINAL_MIN_MARKS = 3;

    private QuoteMarkers() {
    }

    /**
     * Every client prefixes quoted lines with "&gt;", some indent them by a space or tab first;
     * The Bat! and some Usenet readers put the quoted author's initials before it ("EC&gt; …").
     */
    static boolean isQuote(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i < line.length() && line.charAt(i) == '>') {
            return true;
        }
        int initials = i;
        while (initials < line.length() && initials - i < QUOTE_INITIALS_MAX && isAsciiCapital(line.charAt(initials))) {
            initials++;
        }
        return initials > i && initials < line.length() && line.charAt(initials) == '>'
                && (initials + 1 == line.length() || line.charAt(initials + 1) == ' ');
    }

    private static boolean isAsciiCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Rule marks ("-", "_", "=", "*"), at least four, with any blanks between. */
    static boolean isRule(String line) {
        return ruleMarks(line) >= RULE_MIN_MARKS;
    }

    /** A rule right above an original, which belongs to it. */
    static boolean isRuleAboveOriginal(String line) {
        return ruleMarks(line) >= RULE_ABOVE_ORIGINAL_MIN_MARKS;
    }

    /** How many rule marks the line holds, or 0 when anything else than marks and blanks is on it. */
    private static int ruleMarks(String line) {
        int marks = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '-' || c == '_' || c == '=' || c == '*') {
                marks++;
            } else if (!isAsciiSpace(c)) {
                return 0;
            }
        }
        return marks;
    }

    /**
     * Whether an original message starts at {@code start}: a marker phrase, or Outlook's row of
     * underscores with a header block (or nothing) below it. A row of underscores the author
     * drew between two paragraphs is the author's.
     */
    static boolean startsOriginalMessage(List<String> lines, int start) {
        String line = lines.get(start);
        if (isMarkedPhrase(line)) {
            return true;
        }
        if (!isUnderscoreSeparator(line)) {
            return false;
        }
        int next = start + 1;
        while (next < lines.size() && lines.get(next).isBlank()) {
            next++;
        }
        return next == lines.size() || HeaderBlocks.startsAt(lines, next);
    }

    /**
     * One of the phrases, in any case, with rule marks and blanks around it and perhaps a colon
     * right after it ("-----Original Message-----", "Begin forwarded message:").
     */
    private static boolean isMarkedPhrase(String line) {
        int start = 0;
        while (start < line.length() && isRuleMarkOrBlank(line.charAt(start))) {
            start++;
        }
        for (String phrase : ORIGINAL_MESSAGE) {
            if (line.regionMatches(true, start, phrase, 0, phrase.length())
                    && (isMarkerEnd(line, start + phrase.length()) || isRuledSenderEnd(line, start + phrase.length(), start))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Mutt and Horde name the sender inside the rule: "----- Forwarded message from Anna
     * &lt;anna@example.org&gt; -----". The line must open and close with at least three marks.
     */
    private static boolean isRuledSenderEnd(String line, int from, int opening) {
        if (opening < RULE_ABOVE_ORIGINAL_MIN_MARKS || line.length() - from > Attributions.MAX_CHARS) {
            return false;
        }
        int end = line.length();
        while (end > from && isRuleMarkOrBlank(line.charAt(end - 1))) {
            end--;
        }
        String middle = line.substring(from, end);
        return line.length() - end >= RULE_ABOVE_ORIGINAL_MIN_MARKS + 1 && middle.startsWith(" ")
                && middle.indexOf('@') > 0;
    }

    /** Only rule marks and blanks from {@code from} on, perhaps with a colon after the first blanks. */
    private static boolean isMarkerEnd(String line, int from) {
        int other = from;
        while (other < line.length() && isRuleMarkOrBlank(line.charAt(other))) {
            other++;
        }
        if (other == line.length()) {
            return true;
        }
        if (line.charAt(other) != ':') {
            return false;
        }
        for (int i = from; i < other; i++) {
            if (!isAsciiSpace(line.charAt(i))) {
                return false;
            }
        }
        for (int i = other + 1; i < line.length(); i++) {
            if (!isRuleMarkOrBlank(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** One run of at least ten underscores, with only blanks around it. */
    private static boolean isUnderscoreSeparator(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && isAsciiSpace(line.charAt(from))) {
            from++;
        }
        while (to > from && isAsciiSpace(line.charAt(to - 1))) {
            to--;
        }
        for (int i = from; i < to; i++) {
            if (line.charAt(i) != '_') {
                return false;
            }
        }
        return to - from >= UNDERSCORE_SEPARATOR_MIN;
    }

    /**
     * Whether an original quoted with "|" starts here: a line with a date and an address and no
     * colon at its end, as some webmail writes it ("2013/7/20 Anna &lt;anna@example.org&gt;"),
     * right above lines that open with "|". A table of the author's own has no such line.
     */
    static boolean isPipeQuotedOriginal(List<String> lines, int start) {
        if (start + 1 >= lines.size()) {
            return false;
        }
        String line = lines.get(start).strip();
        String next = lines.get(start + 1).stripLeading();
        return line.length() <= Attributions.MAX_CHARS && line.indexOf('@') >= 0 && line.endsWith(">")
                && line.chars().anyMatch(Character::isDigit) && next.startsWith("|") && !next.startsWith("||");
    }
}
