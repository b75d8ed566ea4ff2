package org.conductd.commands;

import static org.conductd.commands.DatesAndTimes.namesDottedTime;
import static org.conductd.commands.DatesAndTimes.namesTime;
import static org.conductd.commands.DatesAndTimes.namesYear;
import static org.conductd.commands.DatesAndTimes.opensWithDate;
import static org.conductd.commands.DatesAndTimes.opensWithNumericDate;
import static org.conductd.commands.LineText.isAsciiSpace;
import static org.conductd.commands.LineText.isCommandLike;

import java.util.List;

/**
 * The attributions clients write without a verb, told from the author's text only by the date,
 * time and address in them and by where they stand: Yandex's "26.06.2014, 14:41, "Anna"
 * &lt;a@example.com&gt;:", Mail.ru's, mutt's bracketed date, Gmail's wrapped form, Nextcloud's
 * dashed line and GroupWise's "&gt;&gt;&gt; … &gt;&gt;&gt;". They are apart from
 * {@link Attributions} because no word list finds them; which of them ends the new text, and
 * whether a quote must follow, is {@link ReplyTrimmer}'s decision. Every check is a plain scan.
 */
final class VerblessAttributions {

    /** The longest date in brackets after the address, as mutt users configure it ("[2026-03-02 10:15 +0100]"). */
    private static final int BRACKETED_DATE_MAX_CHARS = 40;

    /** "12/31/2026 11:59 PM" and the like. */
    private static final int GROUPWISE_DATE_MAX_CHARS = 22;

    private VerblessAttributions() {
    }

    /**
     * A line ending in a colon with a date and an address in it: the attribution of clients that
     * write no verb (Yandex: "26.06.2014, 14:41, "Anna" &lt;a@example.com&gt;:"). Only an
     * attribution when a quote follows it.
     */
    static boolean isDatedAddressLine(String line) {
        String text = line.strip();
        return text.length() <= Attributions.MAX_CHARS
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
    static int wrappedLength(List<String> lines, int start) {
        StringBuilder joined = new StringBuilder();
        for (int n = 1; n <= Attributions.MAX_LINES && start + n <= lines.size(); n++) {
            String line = lines.get(start + n - 1).strip();
            if (line.isEmpty() || QuoteMarkers.isQuote(line) || joined.length() + line.length() > Attributions.MAX_CHARS) {
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

    /** Whether the lines hold an address, as a client's attribution above an unquoted original does. */
    static boolean namesAddress(List<String> lines) {
        return lines.stream().anyMatch(line -> line.indexOf('@') >= 0);
    }

    /** Whether the lines name a time of day or an address, as clients' attributions do. */
    static boolean namesTimeOrAddress(List<String> lines) {
        return lines.stream().anyMatch(line -> line.indexOf('@') >= 0 || namesTime(line));
    }

    /**
     * Nextcloud Mail's attribution: the sender and address, an en dash, and the date and time,
     * with no verb and no colon ("\"Anna\" anna@example.org – March 2, 2026 10:15 AM"). The name
     * is in double quotes; the address follows it bare.
     */
    static boolean isDashDatedAddressLine(String line) {
        String text = line.strip();
        int dash = text.indexOf(" \u2013 ");
        return text.length() <= Attributions.MAX_CHARS && dash > 0 && text.startsWith("\"")
                && text.indexOf("\" ", 1) > 0 && text.lastIndexOf('@', dash) >= 0
                && text.indexOf(" \u2013 ", dash + 1) < 0 && namesTime(text.substring(dash)) && namesYear(text.substring(dash));
    }

    /**
     * GroupWise's attribution: "&gt;&gt;&gt; "Anna" &lt;anna@example.org&gt; 3/2/2026 10:15 AM &gt;&gt;&gt;",
     * above an original it does not quote. It reads as a quote, so it is checked first.
     */
    static boolean isGroupWise(String line) {
        String text = line.strip();
        if (text.length() > Attributions.MAX_CHARS || text.length() <= 8 || !text.startsWith(">>> ") || !text.endsWith(" >>>")) {
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
}
