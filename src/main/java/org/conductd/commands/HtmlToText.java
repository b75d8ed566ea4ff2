package org.conductd.commands;

import com.google.re2j.Pattern;
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
 * expected to be gone already. Runs in time linear in the text: the clean-up patterns are RE2,
 * which does not backtrack over a long run of blanks.
 */
final class HtmlToText {

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset",
            "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
            "nav", "ol", "p", "pre", "section", "table", "tr", "ul");

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol");

    private static final Pattern BLANKS = Pattern.compile("[[:space:]]+");
    private static final Pattern BLANKS_AT_LINE_END = Pattern.compile("[ \t]+\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private HtmlToText() {
    }

    static String text(Node root) {
        return text(root, Integer.MAX_VALUE);
    }

    /** The first {@code lines} lines or so of the text of {@code root}. */
    static String text(Node root, int lines) {
        Writer writer = new Writer(lines);
        NodeTraversor.filter(writer, root);
        return writer.text();
    }

    /**
     * The first {@code lines} lines or so of the text that follows {@code marker} in document order,
     * to see what an {@code <hr>} stands above. Walks forward from the marker rather than through
     * the whole body, so that checking many markers stays cheap.
     */
    static String textAfter(Element marker, int lines) {
        Writer writer = new Writer(lines);
        Node node = marker;
        while (node != null && !writer.full()) {
            Node next = node.nextSibling();
            if (next != null) {
                NodeTraversor.filter(writer, next);
                node = next;
            } else {
                node = node.parent();
                if (!(node instanceof Element parent) || parent.normalName().equals("body")) {
                    break;
                }
                if (BLOCKS.contains(parent.normalName())) {
                    writer.endLine();
                }
            }
        }
        return writer.text();
    }

    /** Writes the text of the nodes it is given, and stops after about {@code maxLines} lines. */
    private static final class Writer implements NodeFilter {

        /** A line this long is not a header line; reading on would not change the answer. */
        private static final int MAX_LINE_CHARS = 1000;

        private final StringBuilder out = new StringBuilder();
        private final int maxLines;
        private int lines;
        private int preDepth;

        Writer(int maxLines) {
            this.maxLines = maxLines;
        }

        boolean full() {
            return lines > maxLines || out.length() > (long) maxLines * MAX_LINE_CHARS;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                write(text.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("pre")) {
                    preDepth++;
                }
                if (tag.equals("br")) {
                    newLine();
                } else if (BLOCKS.contains(tag)) {
                    endLine();
                }
            }
            return full() ? FilterResult.STOP : FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("pre")) {
                    preDepth--;
                }
                if (BLOCKS.contains(tag)) {
                    endLine();
                    if (PARAGRAPHS.contains(tag)) {
                        newLine();
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        private void write(String raw) {
            String text = raw.replace('\u00a0', ' ');
            if (preDepth == 0) {
                text = BLANKS.matcher(text).replaceAll(" ");
                if (atLineStart()) {
                    text = text.stripLeading();
                }
            }
            out.append(text);
        }

        void endLine() {
            if (!atLineStart()) {
                newLine();
            }
        }

        private void newLine() {
            out.append('\n');
            lines++;
        }

        private boolean atLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        }

        String text() {
            String text = BLANKS_AT_LINE_END.matcher(out).replaceAll("\n");
            return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
        }
    }
}
