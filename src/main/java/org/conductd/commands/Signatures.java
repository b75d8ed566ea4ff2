package org.conductd.commands;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lines that start a signature: the "-- " delimiter (RFC 3676 section 4.3, often sent without its
 * space), and the one-line footers mobile and webmail clients add ("Sent from my iPhone"). The
 * footers are matched as whole lines and kept short, so that a sentence that happens to start the
 * same way ("Sent from my desk, which is easier…") stays text. The footers are data, by language, in
 * {@code sign-offs.txt}; they are RE2 patterns, so that a line built to make them backtrack still
 * takes linear time.
 */
final class Signatures {

    private static final String RESOURCE = "sign-offs.txt";

    /** A device or app name: one to four words ("BlackBerry®"), an optional full stop. */
    private static final String DEVICE = "[\\p{L}\\p{N}&.'®™-]+( [\\p{L}\\p{N}&.'()®™-]+){0,3}\\.?";

    private static final String DEVICE_NAME = "{device}";
    private static final String MORE_NAME = "{more:";

    /** Any character but a line terminator, as {@code .} reads in java.util.regex. */
    private static final String ANY = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";

    /**
     * The end of a word, then up to {@code n} more characters: nothing, or a character that
     * cannot go on a word (letter, digit, underscore or combining mark) and {@code n - 1} more.
     */
    private static String wordEndThenUpTo(int n) {
        return "(?:[^\\p{L}\\p{Nd}_\\p{Mn}\\n\\r\\x{85}\\x{2028}\\x{2029}]" + ANY + "{0," + (n - 1) + "})?";
    }

    /** The footers of {@code sign-offs.txt}, in every language. */
    private static final List<Footer> CLIENT_FOOTERS = load();

    private Signatures() {
    }

    /** Gmail tracking extensions mark a message with this one invisible-looking character on its own line. */
    private static final String TRACKING_MARK = "\u1427";

    /** Whether the line starts a signature, so that it and everything below it are not new text. */
    static boolean startsSignature(String line) {
        String text = line.strip();
        // No footer is blank; asking each one's pattern about every blank line made a reply of
        // blank lines the slowest of all to read.
        return isDelimiter(line) || text.equals(TRACKING_MARK)
                || !text.isEmpty() && CLIENT_FOOTERS.stream().anyMatch(f -> f.matches(text));
    }

    /**
     * Mailman's list footer: a rule of underscores, the line "&lt;list&gt; mailing list", then the
     * list's address or page ("riak-users@lists.basho.com"), and nothing below but its links. All
     * must be there, so that a sentence ending in "the mailing list", or the author's text below
     * such lines, stays text.
     */
    static boolean startsListFooter(List<String> lines, int i) {
        if (i + 2 >= lines.size() || !isUnderscoreRule(lines.get(i).strip()) || !LIST_NAME_LINE.matches(lines.get(i + 1).strip())
                || !isListLink(lines.get(i + 2))) {
            return false;
        }
        // The footer ends the message: below it, only more of the list's links, or a quote.
        int links = 0;
        for (int j = i + 3; j < lines.size() && !QuoteMarkers.isQuote(lines.get(j)); j++) {
            if (!lines.get(j).isBlank() && (!isListLink(lines.get(j)) || ++links > LIST_FOOTER_MAX_LINKS)) {
                return false;
            }
        }
        return true;
    }

    /** Mailman writes the list's address and its page, and some lists a few more links. */
    private static final int LIST_FOOTER_MAX_LINKS = 3;

    private static boolean isListLink(String line) {
        String text = line.strip();
        return text.indexOf(' ') < 0 && (text.contains("@") || text.contains("://"));
    }

    private static final Pattern LIST_NAME_LINE = Pattern.compile("[\\p{L}\\p{N}._+-]{1,64} mailing list", Pattern.CASE_INSENSITIVE);

    private static boolean isUnderscoreRule(String text) {
        return text.length() >= 2 && text.chars().allMatch(c -> c == '_');
    }

    /** The longest block a ruled signature may hold below its rule: a name, a role, a few ways to reach them. */
    private static final int RULED_SIGNATURE_MAX_LINES = 6;

    private static final int RULED_SIGNATURE_MAX_CHARS = 60;

    /**
     * A signature below a rule of long dashes ("—————" or "——————" then a name, a role, an
     * address), as Chinese and Japanese writers and many signature generators draw it. The rule
     * is of Unicode dashes only, never ASCII ones, which people draw between paragraphs. The block
     * below it must look like one: up to six short lines to the end of the text or to a quote,
     * attribution or original message, none ending a sentence, holding a colon ("补充：…") or
     * opening like a command, so that "—————" above a postscript or an answer keeps it.
     */
    static boolean startsRuledSignature(List<String> lines, int i) {
        if (!isLongDashRule(lines.get(i).strip())) {
            return false;
        }
        int written = 0;
        for (int j = i + 1; j < lines.size(); j++) {
            String text = lines.get(j).strip();
            if (text.isEmpty()) {
                // A blank line neither starts a quoted part nor counts; skipping it before asking
                // keeps a reply of rules and blank lines from asking once per blank line.
                continue;
            }
            if (startsQuotedPart(lines, j)) {
                break;
            }
            if (++written > RULED_SIGNATURE_MAX_LINES || text.length() > RULED_SIGNATURE_MAX_CHARS
                    || endsSentence(text) || opensWithCapitalWord(text) || text.indexOf(':') >= 0 || text.indexOf('\uFF1A') >= 0) {
                return false;
            }
        }
        return written > 0;
    }

    /** A quote, an attribution or an original message: where the author's text, and a signature, end. */
    private static boolean startsQuotedPart(List<String> lines, int j) {
        return QuoteMarkers.isQuote(lines.get(j)) || Attributions.length(lines, j) > 0
                || QuoteMarkers.startsOriginalMessage(lines, j) || HeaderBlocks.length(lines, j) > 0;
    }

    private static boolean isLongDashRule(String text) {
        return text.length() >= 3 && text.chars().allMatch(c -> c == '\u2014' || c == '\u2015' || c == '\u2500' || c == '\u2501');
    }

    private static boolean endsSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return ".!?:;\u3002\uff01\uff1f\uff1a".indexOf(last) >= 0;
    }

    /** A first word in capitals ("APPROVE", "RESOLVE: warning") may be a command: never a signature's. */
    private static boolean opensWithCapitalWord(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z') {
            i++;
        }
        return i >= 3 && (i == text.length() || !Character.isLetter(text.charAt(i)));
    }

    /** The delimiter is a line of its own, "--" and blanks; "fix -- this" in a sentence is not one. */
    private static boolean isDelimiter(String line) {
        if (!line.startsWith("--")) {
            return false;
        }
        for (int i = 2; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && (c < '\t' || c > '\r')) {
                return false;
            }
        }
        return true;
    }

    private static List<Footer> load() {
        List<Footer> footers = new ArrayList<>();
        int number = 0;
        for (String line : ReplyMarkerWords.resource(RESOURCE).lines().toList()) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int colon = entry.indexOf(": ");
            if (colon <= 0) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": not \"<language>: <pattern>\"");
            }
            footers.add(footer(entry.substring(colon + 2).strip(), number));
        }
        return List.copyOf(footers);
    }

    /**
     * A footer from its line: the literal words it opens and ends with, which most lines lack and a
     * plain comparison finds far more cheaply than the pattern, and the pattern with its names filled
     * in and the glued link allowed.
     */
    private static Footer footer(String written, int number) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < written.length()) {
            if (written.startsWith(DEVICE_NAME, i)) {
                regex.append(DEVICE);
                i += DEVICE_NAME.length();
            } else if (written.startsWith(MORE_NAME, i)) {
                int close = written.indexOf('}', i);
                try {
                    regex.append(wordEndThenUpTo(Integer.parseInt(written.substring(i + MORE_NAME.length(), close))));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": {more:N} needs a number", e);
                }
                i = close + 1;
            } else {
                regex.append(written.charAt(i));
                i++;
            }
        }
        regex.append(GLUED_LINK);
        return new Footer(literalOpening(written), literalEnding(written), Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
    }

    /** The link Outlook glues to its footer ("Gesendet von Outlook für Android&lt;https://aka.ms/…&gt;"). */
    private static final String GLUED_LINK = "(?: ?<[^<>\\n]{1,200}>)?";

    private static final String PATTERN_MARKS = "()[]{}?*+|.\\^$";

    /** The footer's first words, up to its first blank or pattern mark: every match opens with them. */
    private static String literalOpening(String written) {
        int end = 0;
        while (end < written.length() && written.charAt(end) != ' ' && PATTERN_MARKS.indexOf(written.charAt(end)) < 0) {
            end++;
        }
        return written.substring(0, end);
    }

    /** The footer's last plain characters, back to a pattern mark: every match holds them. */
    private static String literalEnding(String written) {
        int start = written.length();
        while (start > 0 && PATTERN_MARKS.indexOf(written.charAt(start - 1)) < 0) {
            start--;
        }
        return written.substring(start).toLowerCase(Locale.ROOT);
    }

    /**
     * A footer pattern and the words it opens or ends with: most lines of a reply have neither,
     * and a plain comparison is far cheaper than running a pattern.
     */
    private record Footer(String opening, String ending, Pattern pattern) {

        boolean matches(String text) {
            return text.regionMatches(true, 0, opening, 0, opening.length())
                    && (ending.isEmpty() || text.toLowerCase(Locale.ROOT).contains(ending))
                    && pattern.matches(text);
        }
    }
}
