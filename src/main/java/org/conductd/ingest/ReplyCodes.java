package org.conductd.ingest;

/**
 * Finds the codes a mail server quotes in a bounce: enhanced status codes (RFC 3463,
 * "5.1.1") and SMTP replies ("550 sorry, no mailbox"). A code counts only where no digit or
 * dot stands right before it, so a version number or an address ("15.1.1", "10.5.1.1") is
 * none. Both have a fixed length, so a plain scan reads a text once.
 */
final class ReplyCodes {

    private static final int MAX_STATUS_DIGITS = 3;

    private ReplyCodes() {
    }

    /**
     * The first enhanced status code in the text, or null: class 2, 4 or 5, then a subject and a
     * detail of one to three digits each, with no digit or dot right after it either. Also how
     * qmail ends its explanation, "(#5.1.1)".
     */
    static String firstStatus(String text) {
        for (int start = 0; start < text.length(); start++) {
            int end = statusEnd(text, start);
            if (end > 0) {
                return text.substring(start, end);
            }
        }
        return null;
    }

    /** Whether the text quotes an SMTP reply: a 4xx or 5xx code, a space or hyphen, and its text. */
    static boolean quotesReply(String text) {
        for (int start = 0; start + 4 < text.length(); start++) {
            char kind = text.charAt(start);
            boolean reply = (kind == '4' || kind == '5') && standsAlone(text, start)
                    && AsciiText.isDigit(text.charAt(start + 1)) && AsciiText.isDigit(text.charAt(start + 2))
                    && (text.charAt(start + 3) == ' ' || text.charAt(start + 3) == '-')
                    && !AsciiText.isBlank(text.charAt(start + 4));
            if (reply) {
                return true;
            }
        }
        return false;
    }

    /** Where a status code starting at {@code start} ends, or -1 when none starts there. */
    private static int statusEnd(String text, int start) {
        char kind = text.charAt(start);
        if (kind != '2' && kind != '4' && kind != '5' || !standsAlone(text, start)) {
            return -1;
        }
        int subjectEnd = digitsEnd(text, start + 2);
        if (!isAt(text, start + 1, '.') || !isShortNumber(start + 2, subjectEnd) || !isAt(text, subjectEnd, '.')) {
            return -1;
        }
        int detailEnd = digitsEnd(text, subjectEnd + 1);
        if (!isShortNumber(subjectEnd + 1, detailEnd) || isAt(text, detailEnd, '.')) {
            return -1;
        }
        return detailEnd;
    }

    /** No digit or dot right before {@code start}. */
    private static boolean standsAlone(String text, int start) {
        return start == 0 || !AsciiText.isDigit(text.charAt(start - 1)) && text.charAt(start - 1) != '.';
    }

    private static boolean isShortNumber(int start, int end) {
        return end > start && end - start <= MAX_STATUS_DIGITS;
    }

    private static int digitsEnd(String text, int start) {
        int end = start;
        while (end < text.length() && AsciiText.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isAt(String text, int index, char c) {
        return index < text.length() && text.charAt(index) == c;
    }
}
