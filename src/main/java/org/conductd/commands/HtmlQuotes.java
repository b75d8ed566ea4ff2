package org.conductd.commands;

import static org.conductd.text.HtmlText.Markers.NONE;

import java.util.List;
import java.util.function.Consumer;
import org.conductd.text.HtmlText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;

/**
 * Removes what mail clients mark up as quoted or original text in an HTML reply, one method per
 * client. A quote is replaced by a one-line "&gt;" marker rather than dropped, so that the plain
 * rules still see where it was: an attribution line right above it is recognised by that, and the
 * author's lines below it (bottom-posting, inline answers) are kept. Markup that starts the
 * original message (Outlook's header block, a forward) is removed with everything after it.
 */
final class HtmlQuotes {

    /** How many lines of text are read to see whether a header block starts there. */
    private static final int HEADER_LOOKAHEAD_LINES = 12;

    /** In order: the client-specific rules first, the generic blockquote rule last. */
    private static final List<Consumer<Document>> EXTRACTORS = List.of(
            HtmlQuotes::extractFromGmail,
            HtmlQuotes::extractFromOutlook,
            HtmlQuotes::extractFromOutlookRuleAboveHeaders,
            HtmlQuotes::extractFromOutlookBorderedHeaders,
            HtmlQuotes::extractFromParagraphHeaders,
            HtmlQuotes::extractFromAppleMail,
            HtmlQuotes::extractFromThunderbird,
            HtmlQuotes::extractFromYahoo,
            HtmlQuotes::extractFromMobileClients,
            HtmlQuotes::extractFromAnyBlockquote);

    private HtmlQuotes() {
    }

    /** The parsed body with quotes replaced by markers and original messages removed. */
    static Document strip(String html) {
        Document document = Jsoup.parse(html);
        document.select("head, script, style, template, noscript, title").remove();
        EXTRACTORS.forEach(extractor -> extractor.accept(document));
        return document;
    }

    /**
     * Gmail: div.gmail_quote holds the attribution (in .gmail_attr since 2017, as bare text
     * before that) and blockquote.gmail_quote. The div itself stays, because an inline answer
     * typed into the quote ends up inside it, between blockquotes; bare-text attributions are left
     * to the plain rules. Gmail's signature sits in .gmail_signature below a "-- " line.
     */
    private static void extractFromGmail(Document document) {
        for (Element attribution : document.select(".gmail_attr")) {
            if (attribution.parent() != null && startsOriginalMessage(HtmlText.text(attribution, NONE, 2))) {
                // A forward: Gmail puts its "---------- Forwarded message ---------" and the
                // original's headers in .gmail_attr, and the original itself unquoted after it.
                Element container = attribution.closest(".gmail_quote");
                removeFromHereOn(container != null ? container : attribution);
            }
        }
        document.select(".gmail_attr, .gmail_signature").remove();
        quote(document.select("blockquote.gmail_quote"));
    }

    /**
     * Outlook desktop and Outlook on the web put the original's header block in #divRplyFwdMsg
     * ("x_"-prefixed once a message went through OWA's sanitiser); newer Outlook adds an empty
     * #appendonsend just before it. Outlook does not mark the quoted body itself, so everything
     * from there on goes.
     */
    private static void extractFromOutlook(Document document) {
        Element first = document.selectFirst("#appendonsend, #divRplyFwdMsg, #x_divRplyFwdMsg, #x_appendonsend");
        if (first != null) {
            removeFromHereOn(first);
        }
    }

    /**
     * Outlook 2003, Hotmail and Zimbra draw an {@code <hr>} above a plain header block
     * ("From: … Sent: … To: … Subject: …"). Only an hr followed by such a block counts: a rule the
     * author drew stays.
     */
    private static void extractFromOutlookRuleAboveHeaders(Document document) {
        for (Element rule : document.select("hr")) {
            if (rule.parent() != null
                    && HeaderBlocks.opensText(HtmlText.textAfter(rule, NONE, HEADER_LOOKAHEAD_LINES))) {
                removeFromHereOn(rule);
                return;
            }
        }
    }

    /**
     * Outlook and webmail that turn a plain-text original into HTML one paragraph per line
     * ("&lt;p&gt;From: …&lt;/p&gt;&lt;p&gt;Sent: …&lt;/p&gt;"): the paragraphs' blank lines would
     * hide the block from the plain rules, which read its lines as consecutive.
     */
    private static void extractFromParagraphHeaders(Document document) {
        for (Element paragraph : document.select("p")) {
            String text = HtmlText.text(paragraph, NONE, 2).strip();
            if (paragraph.parent() != null && HeaderBlocks.isSenderLine(text)
                    && HeaderBlocks.opensText(text + "\n" + HtmlText.textAfter(paragraph, NONE, HEADER_LOOKAHEAD_LINES))) {
                removeFromHereOn(paragraph);
                return;
            }
        }
    }

    private static boolean startsOriginalMessage(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        return !lines.isEmpty() && QuoteMarkers.startsOriginalMessage(lines, 0);
    }

    /**
     * Outlook 2007–2016 and Windows Mail draw the line above the header block as the top border of
     * the div that holds it, with no id or class to go by; the header text tells it apart.
     */
    private static void extractFromOutlookBorderedHeaders(Document document) {
        for (Element div : document.select("div[style*=border-top]")) {
            if (div.parent() != null
                    && HeaderBlocks.opensText(HtmlText.text(div, NONE, HEADER_LOOKAHEAD_LINES))) {
                removeFromHereOn(div);
                return;
            }
        }
    }

    /**
     * Apple Mail (macOS and iOS) quotes in blockquote type=cite, with the attribution as an
     * ordinary line above it (or, in newer versions, inside it), which the plain rules handle.
     */
    private static void extractFromAppleMail(Document document) {
        quote(document.select("blockquote[type=cite]"));
    }

    /**
     * Thunderbird writes the attribution in .moz-cite-prefix, quotes in blockquote type=cite,
     * marks the signature as .moz-signature and puts a forwarded message in
     * .moz-forward-container.
     */
    private static void extractFromThunderbird(Document document) {
        document.select(".moz-cite-prefix, .moz-signature").remove();
        Element forward = document.selectFirst(".moz-forward-container");
        if (forward != null) {
            removeFromHereOn(forward);
        }
        quote(document.select("blockquote[type=cite]"));
    }

    /** Yahoo Mail wraps attribution and quote together in div.yahoo_quoted, id "yahoo_quoted_" and a number. */
    private static void extractFromYahoo(Document document) {
        quote(document.select(".yahoo_quoted, [id^=yahoo_quoted_]"));
    }

    /**
     * Outlook for iOS and Android ("Get Outlook for iOS") and Samsung Email ("Sent from my
     * Galaxy") put their signature in a div of its own; their quotes use the Outlook markup or a
     * text marker handled elsewhere. iOS Mail's #AppleMailSignature is left alone: the author's
     * text is often typed inside it, and its "Sent from my iPhone" line is a plain-rule signature.
     */
    private static void extractFromMobileClients(Document document) {
        document.select("#ms-outlook-mobile-signature, .ms-outlook-mobile-signature, #composer_signature").remove();
    }

    /**
     * Any other blockquote: Mail.ru, Yandex, Roundcube and most webmail quote with a bare
     * blockquote and an attribution line above it.
     */
    private static void extractFromAnyBlockquote(Document document) {
        quote(document.select("blockquote"));
    }

    /** Replaces each still-attached element by a one-line quote marker. */
    private static void quote(Elements quotes) {
        for (Element quote : quotes) {
            if (quote.parent() != null) {
                quote.replaceWith(new Element("div").text(">"));
            }
        }
    }

    /** Removes the element and everything after it in document order. */
    private static void removeFromHereOn(Element start) {
        Node node = start;
        while (node != null && !(node instanceof Element element && element.normalName().equals("body"))) {
            while (node.nextSibling() != null) {
                node.nextSibling().remove();
            }
            node = node.parent();
        }
        start.remove();
    }
}
