package org.conductd.commands;

import java.util.ArrayList;
import java.util.List;
import org.conductd.mail.InboundMessage;
import org.conductd.text.HtmlText;
import org.conductd.text.HtmlText.Markers;

/**
 * The new text of a reply: what its author wrote, without the quoted message, the client's
 * attribution and header lines, forwarded or original messages, and the signature. Top-posted,
 * bottom-posted and inline answers all keep the author's own lines; everything below an
 * original-message marker, an Outlook header block or a signature is dropped. Pure: no I/O.
 */
public final class ReplyTrimmer {

    public ReplyTrimmer() {
    }

    /**
     * The new text of a reply: HTML rules when the message is HTML-only
     * ({@code m.textFromHtml() && m.html() != null}), else plain rules on {@code m.text()}.
     */
    public String newText(InboundMessage m) {
        return trimPlain(text(m));
    }

    /** A reply's new text, and the author's own block at its start, where alone commands count. */
    public record Reply(String newText, String authorBlock) {
    }

    /** The reply's new text and its author's block, its HTML read once for both. */
    public Reply read(InboundMessage m) {
        String text = text(m);
        return new Reply(trimPlain(text), authorBlockOfPlain(text));
    }

    /** The text the rules read: the HTML's, quote markup marked, when the message is HTML-only. */
    private static String text(InboundMessage m) {
        return m.textFromHtml() && m.html() != null ? HtmlText.text(HtmlQuotes.strip(m.html()), Markers.NONE) : m.text();
    }

    /** The new text of a plain-text reply, without its signature: what relays use. */
    public String trimPlain(String text) {
        return trim(text, false, false);
    }

    /**
     * The author's own block, where alone commands count (SPEC §3.4): the new text above the
     * first quote, attribution, header block, forwarded part or signature, or, in a reply that
     * opens with a quote, the author's first lines below it. It is the start of the new text:
     * later inline answers are relayed but never run.
     */
    public String authorBlockOfPlain(String text) {
        return trim(text, false, true);
    }

    /** The author's own block of an HTML reply. */
    public String authorBlockOfHtml(String html) {
        return authorBlockOfPlain(HtmlText.text(HtmlQuotes.strip(html), Markers.NONE));
    }

    /**
     * The reply with quotes, attributions, header blocks and forwarded parts removed but its
     * signature kept: the "reply text" of talon's corpus, which strips signatures separately.
     */
    public String withoutQuotes(String text) {
        return trim(text, true, false);
    }

    private String trim(String text, boolean keepSignature, boolean authorBlockOnly) {
        // Windows line breaks survive some gateways; they would hide the end of a line from the rules.
        List<String> lines = LeftoverQuotedPrintable.decoded(text).replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        List<String> kept = new ArrayList<>();
        boolean afterQuote = false;
        boolean authorWrote = false;
        boolean sawQuote = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (VerblessAttributions.isGroupWise(line)) {
                // GroupWise's ">>> … >>>" stands above an original it does not quote.
                break;
            }
            if (QuoteMarkers.isQuote(line)) {
                if (authorBlockOnly && authorWrote) {
                    break;
                }
                afterQuote = true;
                sawQuote = true;
                i++;
                continue;
            }
            if (line.isBlank() && afterQuote && (kept.isEmpty() || lastIsBlank(kept))) {
                // The blank lines on both sides of a removed quote would otherwise add up.
                i++;
                continue;
            }
            afterQuote = false;
            int headerBlock = HeaderBlocks.length(lines, i);
            if (headerBlock > 0 && !authorWrote && !authorBlockOnly && !sawQuote) {
                // A message that opens with a header block is a pasted or forwarded one with no
                // note above it: its text is all there is to relay, but never the author's block.
                i += headerBlock;
                continue;
            }
            if (QuoteMarkers.startsOriginalMessage(lines, i) || headerBlock > 0) {
                dropTrailingRules(kept);
                break;
            }
            int attribution = Attributions.length(lines, i);
            if (QuoteMarkers.isPipeQuotedOriginal(lines, i) || attribution > 0 && Attributions.isRuled(line)) {
                // Zoho's "---- On … wrote ----" always stands above the whole original, quoted or not.
                break;
            }
            if (attribution == 0 && VerblessAttributions.isDatedAddressLine(line) && quoteOrEndFrom(lines, i + 1)
                    || attribution == 0 && (VerblessAttributions.isDashDatedAddressLine(line) || Attributions.isQuotedDatedLine(line))
                            && quoteFollows(lines, i + 1)) {
                attribution = 1;
            }
            if (attribution == 0) {
                int wrapped = VerblessAttributions.wrappedLength(lines, i);
                attribution = wrapped > 0 && quoteOrEndFrom(lines, i + wrapped) ? wrapped : 0;
            }
            if (attribution > 0) {
                if (authorBlockOnly && authorWrote && quoteOrEndFrom(lines, i + attribution)) {
                    break;
                }
                if (quoteOrEndFrom(lines, i + attribution)) {
                    i += attribution;
                    continue;
                }
                List<String> attributionLines = lines.subList(i, i + attribution);
                boolean address = VerblessAttributions.namesAddress(attributionLines);
                boolean clientWritten = attribution == 1
                        ? VerblessAttributions.namesTimeOrAddress(attributionLines) && (address || Attributions.endsWithColon(line))
                                && line.chars().anyMatch(c -> c >= '0' && c <= '9')
                        : address;
                if (clientWritten) {
                    // A client that does not prefix the original with ">" puts it right below, its
                    // attribution dated. A line without a time or an address ("On 3 March you
                    // wrote:") or without a date ("She wrote from anna@example.org:") is the author's,
                    // and so is one without its colon and an address ("On Saturday at 22:41 the
                    // speaker wrote"), and an attribution wrapped over lines without the address
                    // that made a client wrap it ("Am 14.03. um 22:41 schrieb / mir die Meldende
                    // Folgendes:"): what follows is the author's too.
                    break;
                }
            }
            if (attribution == 0 && authorWrote && lines.get(i - 1).isBlank() && VerblessAttributions.isClientDatedAddressLine(line)) {
                // a client's own attribution above an original it did not quote
                break;
            }
            if (!keepSignature && (Signatures.startsSignature(line) || Signatures.startsListFooter(lines, i)
                    || authorWrote && Signatures.startsRuledSignature(lines, i))) {
                break;
            }
            kept.add(line.stripTrailing());
            authorWrote |= !line.isBlank();
            i++;
        }
        return joinWithoutOuterBlankLines(kept);
    }

    /** The new text of an HTML reply: clients' quote markup removed, then the plain rules. */
    public String trimHtml(String html) {
        return trimPlain(HtmlText.text(HtmlQuotes.strip(html), Markers.NONE));
    }

    /** Whether a quote is the first non-blank line from {@code from} on. */
    private static boolean quoteFollows(List<String> lines, int from) {
        for (int j = from; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                return QuoteMarkers.isQuote(lines.get(j));
            }
        }
        return false;
    }

    /** Whether the first non-blank line from {@code from} on is a quote, or there is none. */
    private static boolean quoteOrEndFrom(List<String> lines, int from) {
        for (int j = from; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                return QuoteMarkers.isQuote(lines.get(j));
            }
        }
        return true;
    }

    private static boolean lastIsBlank(List<String> kept) {
        return kept.get(kept.size() - 1).isBlank();
    }

    /**
     * A rule line right above a header block belongs to it ("-----", Outlook's underscores, or the
     * "---" of help desks that render mail as Markdown).
     */
    private static void dropTrailingRules(List<String> kept) {
        while (!kept.isEmpty() && (lastIsBlank(kept) || QuoteMarkers.isRuleAboveOriginal(kept.get(kept.size() - 1)))) {
            kept.remove(kept.size() - 1);
        }
    }

    private static String joinWithoutOuterBlankLines(List<String> kept) {
        int from = 0;
        int to = kept.size();
        while (from < to && kept.get(from).isBlank()) {
            from++;
        }
        while (to > from && kept.get(to - 1).isBlank()) {
            to--;
        }
        return String.join("\n", kept.subList(from, to));
    }
}
