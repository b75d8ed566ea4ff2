package org.conductd.reports;

import com.google.re2j.Pattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.conductd.text.Addresses;

/**
 * The words of a transparency report, from counts and public summaries alone: no names, no
 * email addresses, no case numbers or code names, no dates but the period. A count under 3 is
 * shown as "fewer than 3". Pure, so each privacy rule is a function to test.
 *
 * <p>Summaries are people's words, so every pattern runs on RE2, in time linear in the text,
 * on the text {@link #asPatternsReadIt as the patterns read it}.
 */
final class TransparencyText {

    static final int SMALLEST_COUNT_SHOWN = 3;
    static final String FEWER = "fewer than 3";
    static final String REMOVED = "[removed]";
    /** Shorter names ("Al") would remove summaries for ordinary words. */
    private static final int SHORTEST_IDENTIFYING_WORD = 3;

    /** What a case number or a date looks like in people's words ("#12", "case 12", "2026-05-10", "10/05/2026"). */
    private static final Pattern CASE_NUMBER = Pattern.compile("(?i)#\\s*\\d+|\\bcase\\s+(?:no\\.?\\s*|number\\s+)?\\d+");
    private static final Pattern DATE = Pattern.compile("\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b");
    /** English month names, whole or abbreviated. */
    private static final String MONTHS = "\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b";
    /**
     * A day in words ("3 May", "May 3rd", "the 3rd of May"), a weekday or a time of day: at an
     * event of a few days, any of them narrows a case down to a session and the people in it.
     */
    private static final Pattern DAY_IN_WORDS = Pattern.compile("(?i)\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS
            + "|" + MONTHS + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b"
            + "|\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b"
            + "|\\b\\d{1,2}(?::\\d{2})?\\s*(?:(?:am|pm)\\b|[ap]\\.m\\.)|\\b\\d{1,2}:\\d{2}\\b");
    /** Markdown that would make a summary's words into markup inside one list item. */
    private static final String INLINE_MARKUP = "\\`*_[]<>&~";

    /** One outcome and how many cases in the period had it. */
    record Outcome(String description, long cases) {
    }

    private TransparencyText() {
    }

    static String count(long n) {
        if (n == 0) {
            return "none";
        }
        return n < SMALLEST_COUNT_SHOWN ? FEWER : Long.toString(n);
    }

    /**
     * @param identifying names, code names and other words that identify someone or a case: a
     *                    summary containing one (case-insensitively) is replaced by "[removed]"
     */
    static String markdown(String eventName, LocalDate from, LocalDate to, long reports, List<Outcome> outcomes,
                           List<String> publicSummaries, Collection<String> identifying) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(escape(eventName)).append(": Code of Conduct transparency report, ")
                .append(from).append(" to ").append(to).append("\n\n");
        out.append("Reports received: ").append(count(reports)).append("\n\n");
        out.append("## Outcomes\n\n");
        if (outcomes.isEmpty()) {
            out.append("No reports.\n\n");
        } else {
            for (Outcome o : outcomes) {
                out.append("- ").append(count(o.cases())).append(": ").append(escape(o.description())).append('\n');
            }
            out.append('\n');
        }
        out.append("To protect the people involved, a number under ").append(SMALLEST_COUNT_SHOWN)
                .append(" is shown as \"").append(FEWER).append("\".\n\n");
        out.append("## Summaries\n\n");
        Phrases phrases = new Phrases(identifying);
        List<String> summaries = publicSummaries.stream()
                .map(TransparencyText::oneLine)
                .filter(s -> !s.isEmpty())
                .map(s -> safe(s, phrases) ? escape(s) : REMOVED)
                // Alphabetical, so the order says nothing about when each case happened.
                .sorted(String.CASE_INSENSITIVE_ORDER.thenComparing(s -> s))
                .toList();
        if (reports < SMALLEST_COUNT_SHOWN) {
            // One summary per case would tell how many there were.
            out.append("With so few reports, no summaries are published.\n");
        } else if (summaries.isEmpty()) {
            out.append("No summaries were written for publication.\n");
        } else {
            summaries.forEach(s -> out.append("- ").append(s).append('\n'));
        }
        return withoutAddressLines(out.toString());
    }

    /** Whether a summary names nobody the report must not name, and no case number or date. */
    static boolean safe(String summary, Collection<String> identifying) {
        return safe(summary, new Phrases(identifying));
    }

    private static boolean safe(String summary, Phrases identifying) {
        return !hasAddress(summary) && !hasCaseNumberOrDay(summary) && !identifying.foundIn(summary);
    }

    private static boolean hasAddress(String text) {
        return Addresses.occurIn(asPatternsReadIt(text));
    }

    private static boolean hasCaseNumberOrDay(String summary) {
        String text = asPatternsReadIt(summary);
        return hasDigitOrDay(text) && (CASE_NUMBER.matcher(text).find() || DATE.matcher(text).find()
                || DAY_IN_WORDS.matcher(text).find());
    }

    /**
     * Whether the text holds what every case number, date and day in words needs: a digit, or
     * "day". RE2 takes up to a second for a megabyte with those patterns, and most summaries
     * give it nothing to do.
     */
    private static boolean hasDigitOrDay(String text) {
        return text.chars().anyMatch(c -> c >= '0' && c <= '9') || text.toLowerCase(Locale.ROOT).contains("day");
    }

    /**
     * The text as the patterns read it: on RE2 they match it where they match the text itself on
     * java.util.regex, in whose syntax they are written. Its {@code \\s} also takes the vertical
     * tab, which becomes a space. Its {@code \\b} takes any letter or digit for part of a word,
     * and a combining mark after a letter or digit of the Basic Multilingual Plane, where RE2's
     * takes ASCII ones only; so every other character of a word becomes "_", which no pattern
     * matches and RE2 takes for part of a word. That also leaves only ASCII letters to RE2's
     * caseless matching, as to java.util.regex's: RE2 would take the long s (U+017F) for "s".
     */
    private static String asPatternsReadIt(String text) {
        char[] chars = text.toCharArray();
        // Whether the last character that is no combining mark is a letter or digit a mark goes on.
        boolean afterBase = false;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\u000B') {
                chars[i] = ' ';
                afterBase = false;
            } else if (Character.isSurrogatePair(c, i + 1 < chars.length ? chars[i + 1] : 0)) {
                int codePoint = Character.toCodePoint(c, chars[i + 1]);
                if (Character.isLetterOrDigit(codePoint)) {
                    chars[i] = '_';
                    chars[i + 1] = '_';
                } else if (Character.getType(codePoint) == Character.NON_SPACING_MARK) {
                    // Part of the word of a letter or digit before it, but what follows finds no
                    // word before: java.util.regex reads the second half alone there.
                    chars[i] = '_';
                }
                afterBase = false;
                i++;
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                if (afterBase) {
                    chars[i] = '_';
                }
            } else {
                afterBase = Character.isLetterOrDigit(c);
                if (afterBase && c >= 0x80) {
                    chars[i] = '_';
                }
            }
        }
        return new String(chars);
    }

    /** The text stripped, with every run of blanks as one space. */
    static String oneLine(String text) {
        String stripped = text.strip();
        StringBuilder out = new StringBuilder(stripped.length());
        boolean afterBlank = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean blank = isBlank(c);
            if (!blank) {
                out.append(c);
            } else if (!afterBlank) {
                out.append(' ');
            }
            afterBlank = blank;
        }
        return out.toString();
    }

    /** One of the blanks of java.util.regex's {@code \\s}. */
    private static boolean isBlank(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /**
     * Names and code names as runs of lower-case words, so that "Jane O'Brien" is found in
     * "jane o brien said" but "Sam" is not found in "same", with one hash lookup per run of
     * words in a summary rather than a pattern per name.
     */
    private static final class Phrases {
        private final Set<String> phrases = new HashSet<>();
        private int longest;

        /**
         * The most words one phrase is compared by. A name of more words (a display name can be
         * 100,000 characters) is kept as each of its runs of this many words, so that a text is
         * read in time linear in its length whatever the names.
         */
        private static final int LONGEST_PHRASE = 8;

        Phrases(Collection<String> words) {
            for (String w : words) {
                List<String> tokens = tokens(w);
                if (!tokens.isEmpty() && String.join(" ", tokens).length() >= SHORTEST_IDENTIFYING_WORD) {
                    int size = Math.min(tokens.size(), LONGEST_PHRASE);
                    for (int from = 0; from + size <= tokens.size(); from++) {
                        phrases.add(String.join(" ", tokens.subList(from, from + size)));
                    }
                    longest = Math.max(longest, size);
                }
                // A person's name (written with capitals, unlike code names) identifies them by
                // any one part: "Mallory was warned" names Mallory Example.
                if (!w.equals(w.toLowerCase(Locale.ROOT))) {
                    for (String part : tokens) {
                        if (part.length() >= SHORTEST_IDENTIFYING_WORD && !NOT_NAMES.contains(part)) {
                            phrases.add(part);
                        }
                    }
                }
            }
        }

        /** Parts of names that are ordinary words too, so a summary using them is not removed. */
        private static final Set<String> NOT_NAMES = Set.of("the", "and", "van", "von", "der", "den", "del", "team",
                "example", "member", "staff", "conf");

        boolean foundIn(String text) {
            List<String> tokens = tokens(text);
            for (int i = 0; i < tokens.size(); i++) {
                StringBuilder run = new StringBuilder();
                for (int n = 0; n < longest && i + n < tokens.size(); n++) {
                    run.append(n == 0 ? "" : " ").append(tokens.get(i + n));
                    if (phrases.contains(run.toString())) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The runs of letters and numbers in the text, in lower case. */
        private static List<String> tokens(String text) {
            List<String> tokens = new ArrayList<>();
            StringBuilder token = new StringBuilder();
            text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
                if (isLetterOrNumber(c)) {
                    token.appendCodePoint(c);
                } else if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            });
            if (!token.isEmpty()) {
                tokens.add(token.toString());
            }
            return tokens;
        }

        private static boolean isLetterOrNumber(int c) {
            int type = Character.getType(c);
            return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                    || type == Character.OTHER_NUMBER;
        }
    }

    /** Every line that contains an email address, whatever put it there, becomes "[removed]". */
    static String withoutAddressLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            out.append(hasAddress(line) ? REMOVED : line);
            if (end < 0) {
                return out.toString();
            }
            out.append('\n');
            start = end + 1;
        }
    }

    /**
     * Words shown as words within one line of Markdown. Lighter than the outbound escaper,
     * which escapes all punctuation: this report is published as Markdown and read as such,
     * so only what would turn into markup is escaped.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        String oneLine = oneLine(text);
        int start = blockMarkerLength(oneLine);
        if (start > 0) {
            out.append(oneLine, 0, start - 1).append('\\').append(oneLine.charAt(start - 1));
        }
        for (int i = start; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            if (INLINE_MARKUP.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * How long the Markdown block marker that starts the line is ("#", "##", "-", "+", "1.",
     * "12)"), or 0 for none: a marker needs a blank or the end of the line after it. The first
     * dash of a line of dashes is one too: it would make a rule.
     */
    private static int blockMarkerLength(String line) {
        int end = 0;
        if (line.startsWith("#")) {
            while (end < line.length() && line.charAt(end) == '#') {
                end++;
            }
        } else if (line.startsWith("-") || line.startsWith("+")) {
            end = 1;
            if (isDashesAndSpaces(line)) {
                // After the item's own "- ", even "--" makes the whole line a rule.
                return end;
            }
        } else {
            while (end < line.length() && line.charAt(end) >= '0' && line.charAt(end) <= '9') {
                end++;
            }
            if (end == 0 || end == line.length() || line.charAt(end) != '.' && line.charAt(end) != ')') {
                return 0;
            }
            end++;
        }
        return endsMarker(line, end) ? end : 0;
    }

    private static boolean isDashesAndSpaces(String line) {
        return line.chars().allMatch(c -> c == '-' || c == ' ');
    }

    private static boolean endsMarker(String line, int at) {
        if (at == line.length() || isBlank(line.charAt(at))) {
            return true;
        }
        // A line break that ends the text is the end of the line too, as java.util.regex's $ has it.
        char c = line.charAt(at);
        return at == line.length() - 1 && (c == '\u0085' || c == '\u2028' || c == '\u2029');
    }
}
