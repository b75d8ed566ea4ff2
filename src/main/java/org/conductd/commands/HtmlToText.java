package org.conductd.commands;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The text of an HTML body as the plain rules read it: block elements and {@code <br>} end lines,
 * paragraphs leave a blank line, runs of spaces collapse and non-breaking spaces are spaces (Gmail
 * writes the "-- " signature delimiter with one). Markup that never shows (scripts, styles) is
 * expected to be gone already.
 */
final class HtmlToText {

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset",
            "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
            "nav", "ol", "p", "pre", "section", "table", "tr", "ul");

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol");

    private HtmlToText() {
    }

    static String text(Node root) {
        Writer writer = new Writer(null, Integer.MAX_VALUE);
        NodeTraversor.filter(writer, root);
        return writer.text();
    }

    /**
     * The first {@code limit} or so characters of the document's text that follow {@code marker}, to
     * see what an {@code <hr>} stands above.
     */
    static String textAfter(Element marker, int limit) {
        Writer writer = new Writer(marker, limit);
        NodeTraversor.filter(writer, marker.ownerDocument().body());
        return writer.text();
    }

    /** Writes text once past {@code start} (at once when null), and stops after about {@code limit} characters. */
    private static final class Writer implements NodeFilter {

        private final StringBuilder out = new StringBuilder();
        private final Node start;
        private final int limit;
        private boolean writing;
        private int preDepth;

        Writer(Node start, int limit) {
            this.start = start;
            this.limit = limit;
            this.writing = start == null;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node == start) {
                writing = true;
                return FilterResult.SKIP_ENTIRELY;
            }
            if (writing && node instanceof TextNode text) {
                write(text.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("pre")) {
                    preDepth++;
                }
                if (writing && tag.equals("br")) {
                    out.append('\n');
                } else if (writing && BLOCKS.contains(tag)) {
                    endLine();
                }
            }
            return out.length() > limit ? FilterResult.STOP : FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("pre")) {
                    preDepth--;
                }
                if (writing && BLOCKS.contains(tag)) {
                    endLine();
                    if (PARAGRAPHS.contains(tag)) {
                        out.append('\n');
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        private void write(String raw) {
            String text = raw.replace('\u00a0', ' ');
            if (preDepth == 0) {
                text = text.replaceAll("\\s+", " ");
                if (atLineStart()) {
                    text = text.stripLeading();
                }
            }
            out.append(text);
        }

        private void endLine() {
            if (!atLineStart()) {
                out.append('\n');
            }
        }

        private boolean atLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        }

        String text() {
            return out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        }
    }
}
