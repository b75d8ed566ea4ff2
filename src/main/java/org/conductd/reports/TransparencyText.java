package org.conductd.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of a transparency report, from counts and public summaries alone: no names, no
 * email addresses, no case numbers or code names, no dates but the period. A count under 3 is
 * shown as "fewer than 3". Pure, so each privacy rule is a function to test.
 */
final class TransparencyText {

    static final int SMALLEST_COUNT_SHOWN = 3;
    static final String FEWER = "fewer than 3";
    static final String REMOVED = "[removed]";
    /** Shorter names ("Al") would remove summaries for ordinary words. */
    private static final int SHORTEST_IDENTIFYING_WORD = 3;

    /** Any email address: the last line of defence, applied to every line of the report. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\]\",;:@]+@[^\\s<>()\\[\\]\",;:@]+");
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
    private static final Pattern BLOCK_START = Pattern.compile("^(#+|[-+]|\\d+[.)])(?=\\s|$)");

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
                .map(s -> s.strip().replaceAll("\\s+", " "))
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
        return !ADDRESS.matcher(summary).find() && !CASE_NUMBER.matcher(summary).find()
                && !DATE.matcher(summary).find() && !DAY_IN_WORDS.matcher(summary).find()
                && !identifying.foundIn(summary);
    }

    /**
     * Names and code names as runs of lower-case words, so that "Jane O'Brien" is found in
     * "jane o brien said" but "Sam" is not found in "same", with one hash lookup per run of
     * words in a summary rather than a pattern per name.
     */
    private static final class Phrases {
        private final Set<String> phrases = new HashSet<>();
        private int longest;

        Phrases(Collection<String> words) {
            for (String w : words) {
                List<String> tokens = tokens(w);
                if (!tokens.isEmpty() && String.join(" ", tokens).length() >= SHORTEST_IDENTIFYING_WORD) {
                    phrases.add(String.join(" ", tokens));
                    longest = Math.max(longest, tokens.size());
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

        private static List<String> tokens(String text) {
            return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(t -> !t.isEmpty()).toList();
        }
    }

    /** Every line that contains an email address, whatever put it there, becomes "[removed]". */
    static String withoutAddressLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(ADDRESS.matcher(line).find() ? REMOVED : line);
        }
        return lines.stream().collect(Collectors.joining("\n"));
    }

    /**
     * Words shown as words within one line of Markdown. Lighter than the outbound escaper,
     * which escapes all punctuation: this report is published as Markdown and read as such,
     * so only what would turn into markup is escaped.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        String oneLine = text.replaceAll("\\s+", " ").strip();
        Matcher block = BLOCK_START.matcher(oneLine);
        int start = 0;
        if (block.find()) {
            String marker = block.group(1);
            out.append(marker, 0, marker.length() - 1).append('\\').append(marker.charAt(marker.length() - 1));
            start = marker.length();
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
}
