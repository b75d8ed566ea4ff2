package org.conductd.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.conductd.text.HtmlText.Markers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void paragraphsLeaveABlankLineAndBreaksEndALine() {
        assertEquals("one\n\ntwo\nthree", HtmlText.toText("<p>one</p><p>two<br>three</p>", Markers.NONE));
    }

    @Test
    void keptMarkersPrefixQuotesAndListItems() {
        assertEquals("- a\n- b\n\n> quoted", HtmlText.toText("<ul><li>a</li><li>b</li></ul><blockquote>quoted</blockquote>",
                Markers.KEPT));
    }

    @Test
    void withoutMarkersQuotesAndListItemsAreBareText() {
        assertEquals("a\nb\n\nquoted", HtmlText.toText("<ul><li>a</li><li>b</li></ul><blockquote>quoted</blockquote>",
                Markers.NONE));
    }

    @Test
    void cellsOfARowShareItsLine() {
        assertEquals("From: alice\nSent: Monday",
                HtmlText.toText("<table><tr><td>From:</td><td>alice</td></tr><tr><td>Sent:</td><td>Monday</td></tr></table>",
                        Markers.NONE));
    }

    @Test
    void blanksCollapseAndNonBreakingSpacesAreSpaces() {
        assertEquals("--\nSam Lee",
                HtmlText.toText("<div>--&nbsp;</div><div>Sam \n\t Lee</div>", Markers.NONE));
    }

    @Test
    void preformattedTextKeepsItsSpaces() {
        assertEquals("a  b\n  c", HtmlText.toText("<pre>a  b\n  c</pre>", Markers.KEPT));
    }

    @Test
    void scriptsStylesAndTheHeadNeverShow() {
        assertEquals("seen", HtmlText.toText("<head><title>t</title><style>p{}</style></head>"
                + "<body><script>alert(1)</script>seen</body>", Markers.KEPT));
    }

    @Test
    void aLineLimitStopsTheWalkEarly() {
        Element body = Jsoup.parse("<div>1</div><div>2</div><div>3</div><div>4</div>").body();
        assertEquals("1\n2", HtmlText.text(body, Markers.NONE, 1));
    }

    @Test
    void textAfterAMarkerReadsOnlyWhatFollowsIt() {
        Element body = Jsoup.parse("<div>above</div><hr><div>From: alice</div><div>Sent: Monday</div>").body();
        assertEquals("From: alice\nSent: Monday", HtmlText.textAfter(body.selectFirst("hr"), Markers.NONE, 12));
    }
}
