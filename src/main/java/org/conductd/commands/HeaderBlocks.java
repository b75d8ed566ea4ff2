package org.conductd.commands;

import static org.conductd.commands.LineText.fold;
import static org.conductd.commands.LineText.hasLineBreak;
import static org.conductd.commands.LineText.isAsciiSpace;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The header blocks Outlook and webmail write above a pasted or forwarded original ("From: … /
 * Sent: … / To: … / Subject: …"), in the languages of {@code reply-markers.txt}, and the header
 * line naming its sender. They are apart from the other markers because a block is read over
 * several lines, its wrapped values included, and the HTML reading looks for one too. Every check
 * is a plain scan, and a block is never read over more than a bounded number of lines.
 */
final class HeaderBlocks {

    /** The word lists of {@code reply-markers.txt}, by kind. */
    private static final ReplyMarkerWords WORDS = ReplyMarkerWords.load();

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

    private HeaderBlocks() {
    }

    /**
     * Whether an Outlook-style header block ("From: …", "Sent: …", "To: …", "Subject: …") starts at
     * {@code start}: consecutive header lines, at least two, one of them naming the sender. Gmail's
     * plain text of a forwarded Outlook mail bolds the names ("*From:*"), which is allowed.
     */
    static boolean startsAt(List<String> lines, int start) {
        return length(lines, start) > 0;
    }

    /** How many lines the header block at {@code start} spans, its wrapped values included; 0 if none starts there. */
    static int length(List<String> lines, int start) {
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
            } else if (wrapped < WRAPPED_VALUE_MAX_LINES && !line.isEmpty() && !QuoteMarkers.isQuote(line)) {
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
    static boolean opensText(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !QuoteMarkers.isRule(l)).toList();
        return !lines.isEmpty() && startsAt(lines, 0);
    }

    private static String unbold(String line) {
        return line.strip().replace("*", "");
    }

    /** Whether the line is a header line naming the sender ("From: …", "Von: …", "差出人: …"). */
    static boolean isSenderLine(String line) {
        return isHeaderLine(unbold(line), FROM_HEADER);
    }

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
        return names.stream().map(LineText::fold).collect(Collectors.toUnmodifiableSet());
    }
}
