package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.conductd.text.HtmlText;
import org.conductd.text.HtmlText.Markers;
import org.junit.jupiter.api.Test;

/** Each client's markup on its own, before the plain rules see the text. */
class HtmlQuotesTest {

    @Test
    void gmailQuoteBecomesAQuoteMarkerAndItsAttributionGoes() {
        assertEquals("Yes\n>", text("<div>Yes</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">"
                + "On Wed, Kim wrote:</div><blockquote class=\"gmail_quote\">CLOSE</blockquote></div>"));
    }

    @Test
    void gmailInlineAnswerInsideTheQuoteContainerIsKept() {
        assertEquals(">\nAgreed\n>", text("<div class=\"gmail_quote\">"
                + "<blockquote class=\"gmail_quote\">One</blockquote><div>Agreed</div>"
                + "<blockquote class=\"gmail_quote\">Two</blockquote></div>"));
    }

    @Test
    void outlookReplyHeaderIsRemovedWithEverythingAfterIt() {
        assertEquals("Yes", text("<div><div>Yes</div><div id=\"divRplyFwdMsg\"><b>From:</b> Kim</div></div>"
                + "<div>CLOSE</div>"));
    }

    @Test
    void owaPrefixedReplyHeaderIsRemovedWithEverythingAfterIt() {
        assertEquals("Yes", text("<div>Yes</div><hr><div id=\"x_divRplyFwdMsg\">From: Kim</div><p>CLOSE</p>"));
    }

    @Test
    void ruleAboveAHeaderBlockIsRemovedWithEverythingAfterIt() {
        assertEquals("Yes", text("<div>Yes<br><hr><b>From: </b>kim@example.org<br><b>To: </b>team@example.org<br>"
                + "<b>Sent: </b>Monday<br><b>Subject: </b>Case<br><br>CLOSE</div>"));
    }

    @Test
    void ruleAboveOrdinaryTextStays() {
        assertEquals("Yes\nNOTE: more below", text("<div>Yes</div><hr><div>NOTE: more below</div>"));
    }

    @Test
    void borderedOutlookHeaderDivIsRemovedWithEverythingAfterIt() {
        assertEquals("Yes", text("<p>Yes</p><div style=\"border:none;border-top:solid #E1E1E1 1.0pt\">"
                + "<p><b>Von:</b> Kim<br><b>Gesendet:</b> Mittwoch<br><b>An:</b> Team</p></div><p>CLOSE</p>"));
    }

    @Test
    void borderedDivWithoutHeadersStays() {
        assertEquals("Yes\n\nA boxed note", text("<p>Yes</p><div style=\"border-top:1px solid\">A boxed note</div>"));
    }

    @Test
    void appleMailCiteBecomesAQuoteMarker() {
        assertEquals("Yes\n>", text("<div>Yes</div><blockquote type=\"cite\"><div>CLOSE</div></blockquote>"));
    }

    @Test
    void thunderbirdCitePrefixAndSignatureGo() {
        assertEquals("Yes\n\n>", text("<p>Yes</p><div class=\"moz-cite-prefix\">On 05.03.25 Kim wrote:</div>"
                + "<blockquote type=\"cite\">CLOSE</blockquote><div class=\"moz-signature\">-- <br>Sam</div>"));
    }

    @Test
    void thunderbirdForwardIsRemovedWithEverythingAfterIt() {
        assertEquals("See below", text("<p>See below</p><div class=\"moz-forward-container\">-------- Forwarded "
                + "Message --------<br>CLOSE</div>"));
    }

    @Test
    void yahooQuotedBlockBecomesAQuoteMarker() {
        assertEquals("Yes\n>", text("<div>Yes</div><div class=\"yahoo_quoted\" id=\"yahoo_quoted_123\">"
                + "On Wednesday, Kim wrote:<div>CLOSE</div></div>"));
    }

    @Test
    void outlookMobileSignatureGoes() {
        assertEquals("Yes", text("<div>Yes</div><div id=\"ms-outlook-mobile-signature\">Get Outlook for iOS</div>"));
    }

    @Test
    void bareBlockquoteBecomesAQuoteMarker() {
        assertEquals("Yes\n\n>", text("<p>Yes</p><blockquote>CLOSE</blockquote>"));
    }

    private static String text(String html) {
        return HtmlText.text(HtmlQuotes.strip(html).body(), Markers.NONE);
    }
}
