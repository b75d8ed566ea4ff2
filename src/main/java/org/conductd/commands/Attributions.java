package org.conductd.commands;

import static org.conductd.commands.DatesAndTimes.holdsNumericDate;
import static org.conductd.commands.DatesAndTimes.namesTime;
import static org.conductd.commands.DatesAndTimes.opensWithShortNumericDate;
import static org.conductd.commands.LineText.fold;
import static org.conductd.commands.LineText.hasLineBreak;
import static org.conductd.commands.LineText.isCommandLike;
import static org.conductd.commands.LineText.isRuleMarkOrBlank;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The attribution lines clients write above a quote with a verb in them ("On … wrote:", "Am …
 * schrieb Anna:", "10:00写道："), in the languages of {@code reply-markers.txt}, wrapped over
 * lines, between Zoho's dashes or inside right-to-left marks. They are apart from the other
 * markers because only they need the verb patterns; the ones without a verb are
 * {@link VerblessAttributions}. Which of them ends the new text is {@link ReplyTrimmer}'s
 * decision. Anyone can send a reply, so every check runs in time linear in the line: the verb
 * patterns are RE2 (no backtracking) and run only on a line that holds a verb, the rest are
 * plain scans.
 */
final class Attributions {

    /** Gmail wraps a long attribution, so one may span up to this many lines. */
    static final int MAX_LINES = 3;

    /** The longest attribution, its wrapped lines joined: a longer line is the author's text. */
    static final int MAX_CHARS = 300;

    /**
     * White space as Unicode defines it (java.util.regex's {@code \\s} with
     * UNICODE_CHARACTER_CLASS): attributions come from clients of every language.
     */
    private static final String UNICODE_SPACES =
            "\\t-\\r \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}";
    private static final String UNICODE_SPACE = "[" + UNICODE_SPACES + "]";

    /** What may stand right before an attribution's verb: a blank, a quote mark or a quote prefix. */
    private static final String UNICODE_SPACE_OR_QUOTE = "[" + UNICODE_SPACES + ">\"']";

    /** The colon that ends an attribution: ASCII, or the full-width one of Chinese, Japanese and Korean. */
    private static final String COLON = "[:\\x{FF1A}]";

    /** Any character but a line terminator, as {@code .} reads in java.util.regex. */
    private static final String NOT_A_LINE_BREAK = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";

    /** The word lists of {@code reply-markers.txt}, by kind. */
    private static final ReplyMarkerWords WORDS = ReplyMarkerWords.load();

    /**
     * The verbs of attribution lines, in every language, in the three places a language puts them:
     * ending the line ("On … wrote:"), followed by the author ("Am 1. Mai schrieb Anna &lt;a@b.de&gt;:"),
     * or glued to the time before it in a language written without spaces ("10:00写道：").
     */
    private static final List<String> VERBS_LAST = WORDS.list("verb");
    private static final List<String> VERBS_BEFORE_AUTHOR = WORDS.list("verb-author");
    private static final List<String> VERBS_GLUED = WORDS.list("verb-glued");

    private static final List<Pattern> ATTRIBUTION_VERBS = List.of(
            verbLast(alternatives(VERBS_LAST)), verbThenAuthor(alternatives(VERBS_BEFORE_AUTHOR)),
            verbGlued(alternatives(VERBS_GLUED)));

    /** A verb that ends other attributions, followed by the date: Thunderbird's "Anna wrote on 02/03/2026 10:15:". */
    private static final Pattern VERB_THEN_DATE = verbThenAuthor(alternatives(VERBS_LAST));

    /** Every verb, folded: a line must hold one of them for any pattern to be worth running. */
    private static final List<String> VERB_STEMS = Stream.of(VERBS_LAST, VERBS_BEFORE_AUTHOR, VERBS_GLUED)
            .flatMap(List::stream).map(LineText::fold).distinct().toList();

    /**
     * Words an attribution starts with ("On", "Am", "Le", …). With one of these, or with a date or an
     * address in it, a verb line is an attribution even when no ">" quote follows it.
     */
    private static final List<String> ATTRIBUTION_START = WORDS.list("start");

    private Attributions() {
    }

    /**
     * How many lines, from {@code start}, form an attribution ("On … wrote:"), or 0. Lines are
     * joined without crossing a blank line, since clients wrap a long attribution but never
     * leave a gap in it. An attribution has its verb and something specific: an opening word
     * such as "On", a date or an address; "as Kim wrote:" alone is the author's sentence.
     */
    static int length(List<String> lines, int start) {
        if (isCommandLike(lines.get(start).strip())) {
            return 0;
        }
        StringBuilder joined = new StringBuilder();
        int withoutColon = 0;
        for (int n = 1; n <= MAX_LINES && start + n <= lines.size(); n++) {
            String line = withoutRuleMarks(withoutDirectionMarks(lines.get(start + n - 1)));
            if (line.isEmpty() || QuoteMarkers.isQuote(line) || joined.length() + line.length() > MAX_CHARS) {
                return withoutColon;
            }
            if (n > 1) {
                joined.append(' ');
            }
            joined.append(line);
            String text = joined.toString();
            if (isAttribution(text)) {
                return n;
            }
            // Some clients drop the colon ("On … wrote"); then the opening word must be there too.
            // The lines below may still complete it: "Am … schrieb Example Conf 2026 Code of
            // Conduct" reads as one without its colon, but Gmail wrapped it before "team <…>:".
            if (withoutColon == 0 && startsAttribution(text) && isAttribution(text + ":")) {
                withoutColon = n;
            }
            if (n == 1 && withoutColon == 0 && !holdsDateOrAddress(line)) {
                // "Hi,\nOn … wrote:" and "Am heutigen Tage\nAm 1. Jan. … schrieb …:" are the
                // author's lines above an attribution: a wrapped one holds a date or an address
                // on its first line already.
                return 0;
            }
        }
        return withoutColon;
    }

    /**
     * The line without blanks and the invisible direction marks around it, which Gmail writes
     * around a right-to-left attribution (Hebrew, Arabic) and which would hide its first word.
     */
    static String withoutDirectionMarks(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && (Character.isWhitespace(line.charAt(from)) || isDirectionMark(line.charAt(from)))) {
            from++;
        }
        while (to > from && (Character.isWhitespace(line.charAt(to - 1)) || isDirectionMark(line.charAt(to - 1)))) {
            to--;
        }
        return line.substring(from, to);
    }

    private static boolean isDirectionMark(char c) {
        return c == '\u200E' || c == '\u200F' || c == '\u061C' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }

    /** Whether the line opens with a run of rule marks, as Zoho's attribution does. */
    static boolean isRuled(String line) {
        return line.strip().startsWith("---");
    }

    /**
     * The line without rule marks around it: Zoho writes its attribution between dashes
     * ("---- On … wrote ----"). A line of marks alone stays as it is.
     */
    private static String withoutRuleMarks(String line) {
        if (!line.startsWith("--") || QuoteMarkers.isRule(line)) {
            return line;
        }
        int from = 0;
        while (from < line.length() && isRuleMarkOrBlank(line.charAt(from))) {
            from++;
        }
        int to = line.length();
        while (to > from && isRuleMarkOrBlank(line.charAt(to - 1))) {
            to--;
        }
        return line.substring(from, to);
    }

    private static boolean isAttribution(String text) {
        if (!endsWithColon(text)) {
            return false;
        }
        String folded = fold(text);
        return VERB_STEMS.stream().anyMatch(folded::contains)
                && ATTRIBUTION_VERBS.stream().anyMatch(p -> p.matcher(text).find())
                && isSpecific(text) && !endsASentenceInside(text);
    }

    private static boolean isSpecific(String text) {
        return startsAttribution(text) || holdsDateOrAddress(text);
    }

    private static boolean holdsDateOrAddress(String text) {
        return text.chars().anyMatch(c -> c >= '0' && c <= '9' || c == '@' || c == '<');
    }

    /**
     * Whether the text opens with one of the words an attribution starts with, as a whole word (no
     * letter, digit or combining mark glued to it), and holds no line break.
     */
    private static boolean startsAttribution(String text) {
        if (hasLineBreak(text)) {
            return false;
        }
        for (String word : ATTRIBUTION_START) {
            if (text.startsWith(word)
                    && (text.length() == word.length() || !isUnicodeWordChar(text.codePointAt(word.length())))) {
                return true;
            }
        }
        return false;
    }

    /** A word character in Unicode's sense: a letter, a mark, a decimal digit, a connector or a joiner. */
    private static boolean isUnicodeWordChar(int c) {
        int type = Character.getType(c);
        return Character.isAlphabetic(c) || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.CONNECTOR_PUNCTUATION || c == '\u200c' || c == '\u200d';
    }

    /** Whether the line ends in a colon, ASCII or full-width. */
    static boolean endsWithColon(String line) {
        String text = line.strip();
        return text.endsWith(":") || text.endsWith("\uFF1A");
    }

    /**
     * Attributions only a quote below makes one: Thunderbird's "Anna wrote on 02/03/2026 10:15:"
     * (its header type with the date after the verb, in every language), and its Ukrainian
     * "02.03.26 10:15, Anna:", which has no verb at all. Both hold a time of day and a numeric
     * date, the second its two-digit year first; neither holds the end of a sentence. "He wrote on
     * 14 March at 22:41:" and a chat log's "14.03.2026 22:41, Mark:" above the author's own
     * quote stay the author's.
     */
    static boolean isQuotedDatedLine(String line) {
        String text = line.strip();
        if (text.length() > MAX_CHARS || !text.endsWith(":") || !namesTime(text) || isCommandLike(text)) {
            return false;
        }
        if (endsASentenceInside(text)) {
            return false;
        }
        String folded = fold(text);
        boolean verbThenDate = VERB_STEMS.stream().anyMatch(folded::contains) && VERB_THEN_DATE.matcher(text).find()
                && holdsNumericDate(text);
        return verbThenDate || opensWithShortNumericDate(text) && text.indexOf(", ") > 0;
    }

    /**
     * A sentence ending inside the text: a word of three or more small letters, a full stop, "!"
     * or "?", a blank and a capital ("… the channel. He wrote on …"). Clients' attributions
     * abbreviate only days and months, before a digit or a comma ("Am So., 1. Jan. 2023").
     */
    private static boolean endsASentenceInside(String text) {
        for (int i = 3; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && text.charAt(i + 1) == ' ' && Character.isUpperCase(text.charAt(i + 2))
                    && Character.isLowerCase(text.charAt(i - 1)) && Character.isLowerCase(text.charAt(i - 2))
                    && Character.isLowerCase(text.charAt(i - 3))) {
                return true;
            }
        }
        return false;
    }

    /** The words as an RE2 alternation that matches each literally. */
    private static String alternatives(List<String> words) {
        return words.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    private static Pattern verbLast(String verbs) {
        return Pattern.compile("(?:^|" + UNICODE_SPACE_OR_QUOTE + ")(?:" + verbs + ")" + UNICODE_SPACE + "*" + COLON + "$",
                Pattern.CASE_INSENSITIVE);
    }

    /** A verb of a language written without spaces, glued to the time before it ("10:00写道："). */
    private static Pattern verbGlued(String verbs) {
        return Pattern.compile("(?:" + verbs + ")" + UNICODE_SPACE + "*" + COLON + "$");
    }

    private static Pattern verbThenAuthor(String verbs) {
        return Pattern.compile("(?:^|" + UNICODE_SPACE_OR_QUOTE + ")(?:" + verbs + ")(?:" + UNICODE_SPACE
                + NOT_A_LINE_BREAK + "{0,150})?" + COLON + "$", Pattern.CASE_INSENSITIVE);
    }
}
