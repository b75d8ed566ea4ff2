package org.conductd.commands;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The lines mail clients write around quoted text, as data: quote prefixes, "On … wrote:"
 * attributions in several languages, Outlook header blocks and the markers before an original or
 * forwarded message. Each predicate looks at plain-text lines only; which of them ends the new
 * text is {@link ReplyTrimmer}'s decision. Anyone can send a reply, so every check runs in time
 * linear in the line: the verb patterns are RE2 (no backtracking), the rest plain scans, which
 * also keep the many lines of a long reply cheap.
 */
final class QuoteMarkers {

    /** Gmail wraps a long attribution, so one may span up to this many lines. */
    static final int ATTRIBUTION_MAX_LINES = 3;

    private static final int ATTRIBUTION_MAX_CHARS = 300;

    /** How many initials may stand before a quote mark ("EC&gt;"). */
    private static final int QUOTE_INITIALS_MAX = 3;

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
            .flatMap(List::stream).map(QuoteMarkers::fold).distinct().toList();

    /**
     * Words an attribution starts with ("On", "Am", "Le", …). With one of these, or with a date or an
     * address in it, a verb line is an attribution even when no ">" quote follows it.
     */
    private static final List<String> ATTRIBUTION_START = WORDS.list("start");

    /** Header names Outlook and webmail write above the original, in the languages they ship. */
    private static final Set<String> FROM_HEADER = caseless(WORDS.list("from"));
    private static final Set<String> OTHER_HEADER = caseless(WORDS.list("header"));

    private static final int LONGEST_HEADER_NAME = Math.max(
            FROM_HEADER.stream().mapToInt(String::length).max().orElse(0),
            OTHER_HEADER.stream().mapToInt(String::length).max().orElse(0));

    /** A header block needs this many header lines (From, Sent, To, Subject…), one of them naming the sender. */
    private static final int HEADER_BLOCK_MIN_LINES = 3;

    /** Outlook writes at most From, Sent, To, Cc, Bcc, Subject, Importance; no need to read further. */
    private static final int HEADER_BLOCK_MAX_LINES = 8;

    /** Chinese, Japanese and Korean clients write their header names with a full-width colon. */
    private static final char FULL_WIDTH_COLON = '\uFF1A';

    /** How many lines one wrapped header value may go on over (long names, many recipients). */
    private static final int WRAPPED_VALUE_MAX_LINES = 2;

    /**
     * Lines after which everything is the original message: Outlook's and AOL's
     * "-----Original Message-----", Gmail's "---------- Forwarded message ---------", Apple
     * Mail's "Begin forwarded message:", and their translations.
     */
    private static final List<String> ORIGINAL_MESSAGE = WORDS.list("original");

    /** Outlook's plain-text separator above the header block. */
    private static final int UNDERSCORE_SEPARATOR_MIN = 10;

    /** A horizontal rule some clients write above a header block ("-----------", "=========="). */
    private static final int RULE_MIN_MARKS = 4;

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

    /** The shortest rule right above an original's header block: Markdown's "---" counts there. */
    private static final int RULE_ABOVE_ORIGINAL_MIN_MARKS = 3;

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
        return next == lines.size() || isHeaderBlock(lines, next);
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
        if (opening < RULE_ABOVE_ORIGINAL_MIN_MARKS || line.length() - from > ATTRIBUTION_MAX_CHARS) {
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

    /** ASCII rule marks, and the Unicode dashes some clients write theirs with ("‐‐‐‐‐‐‐ Original Message ‐‐‐‐‐‐‐"). */
    private static boolean isRuleMarkOrBlank(char c) {
        return c == '-' || c == '=' || c == '_' || c == '*' || c >= '\u2010' && c <= '\u2015' || c == '\u2500'
                || isAsciiSpace(c);
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
     * How many lines, from {@code start}, form an attribution ("On … wrote:"), or 0. Lines are
     * joined without crossing a blank line, since clients wrap a long attribution but never
     * leave a gap in it. An attribution has its verb and something specific: an opening word
     * such as "On", a date or an address; "as Kim wrote:" alone is the author's sentence.
     */
    static int attributionLength(List<String> lines, int start) {
        if (isCommandLike(lines.get(start).strip())) {
            return 0;
        }
        StringBuilder joined = new StringBuilder();
        int withoutColon = 0;
        for (int n = 1; n <= ATTRIBUTION_MAX_LINES && start + n <= lines.size(); n++) {
            String line = withoutRuleMarks(withoutDirectionMarks(lines.get(start + n - 1)));
            if (line.isEmpty() || isQuote(line) || joined.length() + line.length() > ATTRIBUTION_MAX_CHARS) {
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
        if (!line.startsWith("--") || isRule(line)) {
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

    /**
     * A line ending in a colon with a date and an address in it: the attribution of clients that
     * write no verb (Yandex: "26.06.2014, 14:41, "Anna" &lt;a@example.com&gt;:"). Only an
     * attribution when a quote follows it.
     */
    static boolean isDatedAddressLine(String line) {
        String text = line.strip();
        return text.length() <= ATTRIBUTION_MAX_CHARS
                && text.endsWith(":")
                && text.indexOf('@') >= 0
                && text.chars().anyMatch(Character::isDigit)
                && endsWithTheAddress(text)
                && !isCommandLike(text);
    }

    /**
     * A verbless attribution written the way only a client writes one, so that it stands above an
     * original the client did not quote (Mail.ru: "Wednesday, 17 November 2021, 3:32 PM +0300 from
     * a@b &lt;a@b&gt;:"): a dated address line with a time of day and a year that opens with the date
     * itself, a digit or a weekday and its comma. "Call on 3 March 2026 at 10:00 with Anna
     * &lt;anna@example.org&gt;:" opens with the author's words and stays theirs.
     */
    static boolean isClientDatedAddressLine(String line) {
        String text = line.strip();
        return isDatedAddressLine(text) && (namesTime(text) || namesDottedTime(text)) && namesYear(text) && opensWithDate(text);
    }

    /**
     * A time of day written with a full stop, between blanks or commas, as Finnish, Danish and
     * Italian clients write it ("30.09.2017, 18.30, …"): hours up to 23, minutes up to 59.
     */
    private static boolean namesDottedTime(String text) {
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

    private static boolean namesYear(String text) {
        for (int i = 0; i + 4 <= text.length(); i++) {
            if ((text.startsWith("19", i) || text.startsWith("20", i)) && isAsciiDigit(text.charAt(i + 2))
                    && isAsciiDigit(text.charAt(i + 3)) && (i == 0 || !isAsciiDigit(text.charAt(i - 1)))
                    && (i + 4 == text.length() || !isAsciiDigit(text.charAt(i + 4)))) {
                return true;
            }
        }
        return false;
    }

    /** The longest weekday name a client writes before its comma ("Wednesday", "Donnerstag", "miércoles"). */
    private static final int WEEKDAY_MAX_CHARS = 12;

    private static boolean opensWithDate(String text) {
        if (isAsciiDigit(text.charAt(0))) {
            return true;
        }
        int end = 0;
        while (end < text.length() && end <= WEEKDAY_MAX_CHARS && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end > 0 && end <= WEEKDAY_MAX_CHARS && end < text.length() && text.charAt(end) == ',';
    }

    /**
     * Whether the address is what the colon follows ("… &lt;anna@example.org&gt;:"), as in every
     * client's verbless attribution; "I called anna@example.org at 10:30 and she said:" is the
     * author's.
     */
    private static boolean endsWithTheAddress(String text) {
        String head = withoutBracketedDate(text.substring(0, text.length() - 1).stripTrailing());
        int lastBlank = head.length() - 1;
        while (lastBlank >= 0 && !isAsciiSpace(head.charAt(lastBlank))) {
            lastBlank--;
        }
        return head.endsWith(">") || head.endsWith(")") || head.indexOf('@', lastBlank + 1) >= 0;
    }

    /** The longest date in brackets after the address, as mutt users configure it ("[2026-03-02 10:15 +0100]"). */
    private static final int BRACKETED_DATE_MAX_CHARS = 40;

    /** The text without a bracketed date at its end ("… &lt;anna@example.org&gt; [260302 10:15]"). */
    private static String withoutBracketedDate(String head) {
        int open = head.lastIndexOf('[');
        if (!head.endsWith("]") || open <= 0 || head.length() - open > BRACKETED_DATE_MAX_CHARS
                || !namesTime(head.substring(open))) {
            return head;
        }
        return head.substring(0, open).stripTrailing();
    }

    /**
     * How many lines, from {@code start}, form a verbless attribution that Gmail wrapped
     * ("2016-03-03 17:21 GMT+01:00 Anna Schmidt" / "&lt;anna@example.de&gt;:"), or 0: up to
     * three lines without a gap that, joined, end in a colon and name a time of day and an
     * address. Only an attribution when a quote follows it.
     */
    static int wrappedDatedAddressLength(List<String> lines, int start) {
        StringBuilder joined = new StringBuilder();
        for (int n = 1; n <= ATTRIBUTION_MAX_LINES && start + n <= lines.size(); n++) {
            String line = lines.get(start + n - 1).strip();
            if (line.isEmpty() || isQuote(line) || joined.length() + line.length() > ATTRIBUTION_MAX_CHARS) {
                return 0;
            }
            joined.append(line);
            String text = joined.toString();
            if (n > 1 && isDatedAddressLine(text) && namesTime(text)) {
                return n;
            }
            if (n == 1 && !text.chars().anyMatch(Character::isDigit)) {
                return 0;
            }
        }
        return 0;
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
        return line.length() <= ATTRIBUTION_MAX_CHARS && line.indexOf('@') >= 0 && line.endsWith(">")
                && line.chars().anyMatch(Character::isDigit) && next.startsWith("|") && !next.startsWith("||");
    }

    /**
     * A command line ("NOTE: …"): a word of at least three capitals or dashes, starting with a
     * capital, right before a colon. It is the author's own text, never a client's marker.
     */
    private static boolean isCommandLike(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) >= 'A' && text.charAt(i) <= 'Z' || i > 0 && text.charAt(i) == '-')) {
            i++;
        }
        return i >= 3 && i < text.length() && text.charAt(i) == ':' && !hasLineBreak(text);
    }

    /** Whether the lines hold an address, as a client's attribution above an unquoted original does. */
    static boolean namesAddress(List<String> lines) {
        return lines.stream().anyMatch(line -> line.indexOf('@') >= 0);
    }

    /** Whether the lines name a time of day or an address, as clients' attributions do. */
    static boolean namesTimeOrAddress(List<String> lines) {
        return lines.stream().anyMatch(line -> line.indexOf('@') >= 0 || namesTime(line));
    }

    /** A time of day as a word of its own: one or two digits, a colon, two digits ("9:05", "14:41"). */
    private static boolean namesTime(String line) {
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
     * Whether an Outlook-style header block ("From: …", "Sent: …", "To: …", "Subject: …") starts at
     * {@code start}: consecutive header lines, at least two, one of them naming the sender. Gmail's
     * plain text of a forwarded Outlook mail bolds the names ("*From:*"), which is allowed.
     */
    static boolean isHeaderBlock(List<String> lines, int start) {
        return headerBlockLength(lines, start) > 0;
    }

    /** How many lines the header block at {@code start} spans, its wrapped values included; 0 if none starts there. */
    static int headerBlockLength(List<String> lines, int start) {
        if (start >= lines.size() || !isAnyHeaderLine(unbold(lines.get(start)))) {
            return 0;
        }
        int headers = 0;
        int wrapped = 0;
        int length = 0;
        boolean from = false;
        int end = Math.min(lines.size(), start + HEADER_BLOCK_MAX_LINES * (1 + WRAPPED_VALUE_MAX_LINES));
        for (int i = start; i < end && headers < HEADER_BLOCK_MAX_LINES; i++) {
            String line = unbold(lines.get(i));
            boolean isFrom = isHeaderLine(line, FROM_HEADER);
            if (isFrom || isHeaderLine(line, OTHER_HEADER) || isDatedMessageLine(line)) {
                from |= isFrom;
                headers++;
                wrapped = 0;
                length = i + 1 - start;
            } else if (wrapped < WRAPPED_VALUE_MAX_LINES && !line.isEmpty() && !isQuote(line)) {
                // Outlook wraps a long value ("From: Example Conf 2026 Code of Conduct team" above
                // "<conduct@example.org>"): a line that the next header line follows belongs to it.
                wrapped++;
            } else {
                if (line.isEmpty()) {
                    // a wrapped last value (a long subject) ends with the block, at its blank line
                    length = i - start;
                }
                break;
            }
        }
        return headers >= HEADER_BLOCK_MIN_LINES && from ? length : 0;
    }

    private static boolean isAnyHeaderLine(String line) {
        return isHeaderLine(line, FROM_HEADER) || isHeaderLine(line, OTHER_HEADER) || isDatedMessageLine(line);
    }

    /**
     * French webmail (Orange, SFR, La Poste) opens its header block with "Message du 03/03/26 10:00"
     * and no colon; it counts as one of the block's lines.
     */
    private static boolean isDatedMessageLine(String line) {
        return line.regionMatches(true, 0, "Message du ", 0, 11) && line.length() <= 60
                && line.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    /** Whether the text, from its first non-blank line, starts with a header block. */
    static boolean startsWithHeaderBlock(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !isRule(l)).toList();
        return !lines.isEmpty() && isHeaderBlock(lines, 0);
    }

    private static String unbold(String line) {
        return line.strip().replace("*", "");
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

    /** Whether the line is a header line naming the sender ("From: …", "Von: …", "差出人: …"). */
    static boolean isSenderHeaderLine(String line) {
        return isHeaderLine(unbold(line), FROM_HEADER);
    }

    /**
     * Nextcloud Mail's attribution: the sender and address, an en dash, and the date and time,
     * with no verb and no colon ("\"Anna\" anna@example.org – March 2, 2026 10:15 AM"). The name
     * is in double quotes; the address follows it bare.
     */
    static boolean isDashDatedAddressLine(String line) {
        String text = line.strip();
        int dash = text.indexOf(" \u2013 ");
        return text.length() <= ATTRIBUTION_MAX_CHARS && dash > 0 && text.startsWith("\"")
                && text.indexOf("\" ", 1) > 0 && text.lastIndexOf('@', dash) >= 0
                && text.indexOf(" \u2013 ", dash + 1) < 0 && namesTime(text.substring(dash)) && namesYear(text.substring(dash));
    }

    /**
     * Attributions only a quote below makes one: Thunderbird's "Anna wrote on 02/03/2026 10:15:"
     * (its header type with the date after the verb, in every language), and its Ukrainian
     * "02.03.26 10:15, Anna:", which has no verb at all. Both hold a time of day and a numeric
     * date, the second its two-digit year first; neither holds the end of a sentence. "He wrote on
     * 14 March at 22:41:" and a chat log's "14.03.2026 22:41, Mark:" above the author's own
     * quote stay the author's.
     */
    /** Whether the line ends in a colon, ASCII or full-width. */
    static boolean endsWithColon(String line) {
        String text = line.strip();
        return text.endsWith(":") || text.endsWith("\uFF1A");
    }

    static boolean isQuotedDatedLine(String line) {
        String text = line.strip();
        if (text.length() > ATTRIBUTION_MAX_CHARS || !text.endsWith(":") || !namesTime(text) || isCommandLike(text)) {
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

    /** Whether a numeric date ("02/03/2026", "2.3.2026") stands as a word of its own somewhere in the text. */
    private static boolean holdsNumericDate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isAsciiDigit(text.charAt(i)) && (i == 0 || !isAsciiDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '.')
                    && opensWithNumericDate(text.substring(i, Math.min(text.length(), i + 10)))) {
                return true;
            }
        }
        return false;
    }

    /** Thunderbird's short date, with a two-digit year ("02.03.26"): a chat log's "14.03.2026 22:41, Mark:" stays text. */
    private static boolean opensWithShortNumericDate(String text) {
        return opensWithNumericDate(text) && text.length() > 8 && !isAsciiDigit(text.charAt(8))
                && isAsciiDigit(text.charAt(6)) && isAsciiDigit(text.charAt(7));
    }

    /** "02.03.26", "2026-03-02", "3/2/2026": digits, a separator, digits, the same separator, digits. */
    private static boolean opensWithNumericDate(String text) {
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

    /**
     * GroupWise's attribution: "&gt;&gt;&gt; "Anna" &lt;anna@example.org&gt; 3/2/2026 10:15 AM &gt;&gt;&gt;",
     * above an original it does not quote. It reads as a quote, so it is checked first.
     */
    static boolean isGroupWiseAttribution(String line) {
        String text = line.strip();
        if (text.length() > ATTRIBUTION_MAX_CHARS || text.length() <= 8 || !text.startsWith(">>> ") || !text.endsWith(" >>>")) {
            return false;
        }
        // The sender, then the date and time and nothing else: "… <anna@example.org> 3/2/2026 10:15 AM".
        String inner = text.substring(4, text.length() - 4).strip();
        int addressEnd = inner.lastIndexOf('>');
        if (addressEnd < 0 || inner.lastIndexOf('@', addressEnd) < 0) {
            return false;
        }
        String when = inner.substring(addressEnd + 1).strip();
        return opensWithNumericDate(when) && namesTime(when) && when.length() <= GROUPWISE_DATE_MAX_CHARS;
    }

    /** "12/31/2026 11:59 PM" and the like. */
    private static final int GROUPWISE_DATE_MAX_CHARS = 22;

    /** A header line: one of the names in any case, a colon, and nothing or a blank and the value. */
    private static boolean isHeaderLine(String line, Set<String> names) {
        int colon = headerColon(line);
        if (colon < 0) {
            return false;
        }
        int end = colon;
        while (end > 0 && isAsciiSpace(line.charAt(end - 1))) {
            end--;
        }
        if (end > LONGEST_HEADER_NAME || !names.contains(fold(line.substring(0, end)))) {
            return false;
        }
        return colon + 1 == line.length() || line.charAt(colon) == FULL_WIDTH_COLON && !hasLineBreak(line, colon + 1)
                || isAsciiSpace(line.charAt(colon + 1)) && !hasLineBreak(line, colon + 2);
    }

    /** The first colon of the line, ASCII or full-width, or -1. */
    private static int headerColon(String line) {
        for (int i = 0; i < line.length() && i <= LONGEST_HEADER_NAME + 4; i++) {
            char c = line.charAt(i);
            if (c == ':' || c == FULL_WIDTH_COLON) {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> caseless(List<String> names) {
        return names.stream().map(QuoteMarkers::fold).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The text with each character in the form a caseless match compares (lower case of the
     * upper case, as String.regionMatches and java.util.regex with UNICODE_CASE do).
     */
    private static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }

    /** The blanks java.util.regex's {@code \\s} stands for without UNICODE_CHARACTER_CLASS. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The line terminators that {@code .} does not cross in java.util.regex. */
    private static boolean hasLineBreak(String text) {
        return hasLineBreak(text, 0);
    }

    private static boolean hasLineBreak(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
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
