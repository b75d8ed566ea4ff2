package org.conductd.text;

import com.google.re2j.Pattern;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Readable text from HTML, as a plain-text client would show it: block elements and {@code <br>}
 * end lines, paragraphs leave a blank line, table cells of a row share its line, runs of spaces
 * collapse and non-breaking spaces are spaces (Gmail writes the "-- " signature delimiter with
 * one). With {@link Markers#KEPT}, quoted text gets a "> " prefix and list items a "- ", as the
 * sender's client would have written them in plain text. Runs in time linear in the input: the
 * clean-up patterns are RE2, which does not backtrack over a long run of blanks ({@code <pre>}
 * and 300,000 spaces took hours with a backtracking matcher).
 */
public final class HtmlText {

    /** Whether the text keeps the plain-text markers for quotes and list items. */
    public enum Markers {
        /** "> " before quoted lines and "- " before list items: text shown to people or trimmed as plain text. */
        KEPT,
        /** Neither: for rules that read the text after quotes were already replaced by markers of their own. */
        NONE
    }

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt",
            "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot",
            "th", "thead", "tr", "ul");

    /** Cells are blocks for the walk, but a row's cells stay on one line, a space apart. */
    private static final Set<String> CELLS = Set.of("td", "th");

    private static final Set<String> PARAGRAPHS = Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "pre");

    private static final Pattern BLANKS = Pattern.compile("[[:space:]]+");
    private static final Pattern BLANKS_AT_LINE_END = Pattern.compile("[ \t]+\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    private HtmlText() {
    }

    /** The text of an HTML document, leaving out what never shows (head, scripts, styles, templates). */
    public static String toText(String html, Markers markers) {
        Document document = Jsoup.parse(html);
        document.select("script, style, noscript, template, head").remove();
        return text(document.body(), markers);
    }

    /** The text of {@code root}; markup that never shows is expected to be gone already. */
    public static String text(Node root, Markers markers) {
        return text(root, markers, Integer.MAX_VALUE);
    }

    /** The first {@code lines} lines or so of the text of {@code root}. */
    public static String text(Node root, Markers markers, int lines) {
        TextWriter writer = new TextWriter(markers, lines);
        NodeTraversor.filter(writer, root);
        return writer.text();
    }

    /**
     * The first {@code lines} lines or so of the text that follows {@code marker} in document order,
     * to see what an element such as {@code <hr>} stands above. Walks forward from the marker rather
     * than through the whole body, so that checking many markers stays cheap.
     */
    public static String textAfter(Element marker, Markers markers, int lines) {
        TextWriter writer = new TextWriter(markers, lines);
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
                if (BLOCKS.contains(parent.normalName()) && !CELLS.contains(parent.normalName())) {
                    writer.endLine();
                }
            }
        }
        return writer.text();
    }

    /** Walks the tree once, writing text and the line structure blocks imply; stops after about {@code maxLines} lines. */
    private static final class TextWriter implements NodeFilter {

        /** A line this long is not a header line; reading on would not change what a reader of a few lines decides. */
        private static final int MAX_LINE_CHARS = 1000;

        private final StringBuilder out = new StringBuilder();
        private final boolean markers;
        private final int maxLines;
        private int lines;
        private int quoteDepth;
        private int preDepth;
        private boolean lineStart = true;
        private boolean pendingSpace;

        TextWriter(Markers markers, int maxLines) {
            this.markers = markers == Markers.KEPT;
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
                if (tag.equals("br")) {
                    newLine();
                } else if (CELLS.contains(tag)) {
                    pendingSpace = !lineStart;
                } else if (BLOCKS.contains(tag)) {
                    blockBreak(PARAGRAPHS.contains(tag));
                }
                if (tag.equals("blockquote") && markers) {
                    quoteDepth++;
                } else if (tag.equals("pre")) {
                    preDepth++;
                } else if (tag.equals("li") && markers) {
                    write("- ");
                }
            }
            return full() ? FilterResult.STOP : FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("blockquote") && markers) {
                    if (!lineStart) {
                        newLine();
                    }
                    quoteDepth--;
                } else if (tag.equals("pre")) {
                    preDepth--;
                }
                if (BLOCKS.contains(tag) && !CELLS.contains(tag)) {
                    blockBreak(PARAGRAPHS.contains(tag));
                }
            }
            return FilterResult.CONTINUE;
        }

        private void write(String raw) {
            String chunk = raw.replace('\u00a0', ' ');
            if (preDepth > 0) {
                writePreformatted(chunk);
                return;
            }
            chunk = BLANKS.matcher(chunk).replaceAll(" ");
            if (chunk.isBlank()) {
                pendingSpace = !lineStart || pendingSpace;
                return;
            }
            if (chunk.charAt(0) == ' ') {
                pendingSpace = true;
            }
            if (lineStart) {
                out.append("> ".repeat(quoteDepth));
                lineStart = false;
            } else if (pendingSpace) {
                out.append(' ');
            }
            out.append(chunk.strip());
            pendingSpace = chunk.charAt(chunk.length() - 1) == ' ';
        }

        private void writePreformatted(String chunk) {
            String[] preLines = LINE_BREAK.split(chunk, -1);
            for (int i = 0; i < preLines.length; i++) {
                if (i > 0) {
                    newLine();
                }
                if (!preLines[i].isEmpty()) {
                    if (lineStart) {
                        out.append("> ".repeat(quoteDepth));
                        lineStart = false;
                    }
                    out.append(preLines[i]);
                }
            }
        }

        void endLine() {
            if (!lineStart) {
                newLine();
            }
        }

        private void newLine() {
            if (lineStart && quoteDepth > 0) {
                out.append(">".repeat(quoteDepth));
            }
            out.append('\n');
            lines++;
            lineStart = true;
            pendingSpace = false;
        }

        /** Ends the current line; a paragraph also leaves one blank line after it. */
        private void blockBreak(boolean paragraph) {
            endLine();
            if (paragraph && out.length() > 0 && !endsWithBlankLine()) {
                newLine();
            }
            pendingSpace = false;
        }

        private boolean endsWithBlankLine() {
            int end = out.length();
            if (end < 2 || out.charAt(end - 1) != '\n') {
                return false;
            }
            int previous = out.lastIndexOf("\n", end - 2);
            String line = out.substring(previous + 1, end - 1);
            return line.chars().allMatch(c -> c == '>' || c == ' ');
        }

        String text() {
            String text = BLANKS_AT_LINE_END.matcher(out).replaceAll("\n");
            text = BLANK_LINES.matcher(text).replaceAll("\n\n");
            return text.strip();
        }
    }
}
