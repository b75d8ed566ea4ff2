package org.conductd.outbound;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a filled-in template body from Markdown to a small HTML document. Raw HTML in the
 * Markdown is shown as text, and a link or image whose scheme is not http(s), mailto or tel
 * loses its target, so nothing in the result can run script. The transparency report is
 * rendered with it too.
 */
public final class MarkdownHtml {

    private static final String BODY_STYLE =
            "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#222";
    private static final String QUOTE_STYLE = "margin:0 0 1em 0;padding:0 0 0 1em;border-left:3px solid #ccc;color:#333";

    // An allow-list rather than a deny-list of javascript:, vbscript: and data:, so that schemes
    // nobody thought of stay inert too.
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownHtml() {
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        // Shown as plain text rather than as a link; setAttributes below catches what this misses.
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "(?i)\\s*(?:javascript|vbscript|data):.*");
        // Templates are written like mail: a line break in the source is a line break in the message.
        options.set(HtmlRenderer.SOFT_BREAK, "<br />\n");
        options.set(Parser.HEADING_PARSER, false);
        parser = Parser.builder(options).customBlockParserFactory(new HeadingsWhereTheLineCanBeOne()).build();
        renderer = HtmlRenderer.builder(options)
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(LinkResolverContext context) {
                        return MarkdownHtml::setAttributes;
                    }
                })
                .build();
    }

    public String toHtml(String markdown) {
        return "<html><body style=\"" + BODY_STYLE + "\">\n"
                + renderer.render(parser.parse(markdown))
                + "</body></html>\n";
    }

    /**
     * flexmark's own heading parser, asked only about lines that start with '#', '=' or '-'. It
     * copies the whole paragraph so far for every line that does not start with a letter
     * before it looks at the line, which made a long report of indented lines, list items or
     * log lines quadratic to render (a 90 KB report took seconds, a megabyte hours). People's
     * text never reaches it: the escaper puts a backslash before every one of those characters.
     */
    private static final class HeadingsWhereTheLineCanBeOne extends HeadingParser.Factory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory headings = super.apply(options);
            return (state, matched) -> {
                int at = state.getNextNonSpaceIndex();
                char first = at < state.getLine().length() ? state.getLine().charAt(at) : ' ';
                return first == '#' || first == '=' || first == '-' ? headings.tryStart(state, matched) : BlockStart.none();
            };
        }
    }

    private static void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof BlockQuote) {
            attributes.replaceValue("style", QUOTE_STYLE);
        }
        for (String name : List.of("href", "src")) {
            if (attributes.contains(name) && !isSafeTarget(attributes.getValue(name))) {
                attributes.remove(name);
            }
        }
    }

    static boolean isSafeTarget(String target) {
        // Browsers ignore blanks and control characters inside a scheme ("java\tscript:"), so the check does too.
        String compact = withoutBlanksAndControls(target).toLowerCase(Locale.ROOT);
        int colon = compact.indexOf(':');
        if (colon < 0) {
            return true;
        }
        String scheme = compact.substring(0, colon);
        // A ':' after '/', '?' or '#' belongs to a relative path or query, not to a scheme.
        if (scheme.contains("/") || scheme.contains("?") || scheme.contains("#")) {
            return true;
        }
        return SAFE_SCHEMES.contains(scheme);
    }

    /** The text without ASCII control characters and spaces (U+0000 to U+0020, U+007F). */
    private static String withoutBlanksAndControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ' && c != '\u007F') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
