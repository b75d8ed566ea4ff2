package org.conductd.ingest;

import com.google.re2j.Pattern;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Readable text from an HTML body, for messages that have no text/plain part. Paragraphs, line
 * breaks and list items stay on their own lines; quoted text is kept with a "> " prefix, as a
 * plain-text client would show it, so that reply trimming can recognise it; scripts and styles
 * are dropped. Runs in time linear in the body: the clean-up patterns are RE2, which does not
 * backtrack over a long run of blanks ({@code <pre>} and 300,000 spaces took hours before).
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt",
            "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot",
            "th", "thead", "tr", "ul");

    private static final Set<String> PARAGRAPHS = Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "pre");

    private static final Pattern BLANKS_AT_LINE_END = Pattern.compile("[ \t]+\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    private HtmlText() {
    }

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, noscript, template, head").remove();
        TextWriter writer = new TextWriter();
        NodeTraversor.traverse(writer, document.body());
        return writer.text();
    }

    /** Walks the tree once, writing text and the line structure blocks imply. */
    private static final class TextWriter implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private int quoteDepth;
        private int preDepth;
        private boolean lineStart = true;
        private boolean pendingSpace;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                write(preDepth > 0 ? text.getWholeText() : text.text());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    newLine();
                } else if (BLOCKS.contains(tag)) {
                    blockBreak(PARAGRAPHS.contains(tag));
                }
                if (tag.equals("blockquote")) {
                    quoteDepth++;
                } else if (tag.equals("pre")) {
                    preDepth++;
                } else if (tag.equals("li")) {
                    write("- ");
                } else if (tag.equals("td") || tag.equals("th")) {
                    pendingSpace = !lineStart;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("blockquote")) {
                    if (!lineStart) {
                        newLine();
                    }
                    quoteDepth--;
                } else if (tag.equals("pre")) {
                    preDepth--;
                }
                if (BLOCKS.contains(tag) && !tag.equals("td") && !tag.equals("th")) {
                    blockBreak(PARAGRAPHS.contains(tag));
                }
            }
        }

        private void write(String raw) {
            String chunk = raw.replace('\u00a0', ' ');
            if (preDepth > 0) {
                writePreformatted(chunk);
                return;
            }
            if (chunk.isBlank()) {
                pendingSpace = !lineStart || pendingSpace;
                return;
            }
            if (Character.isWhitespace(chunk.charAt(0))) {
                pendingSpace = true;
            }
            if (lineStart) {
                out.append("> ".repeat(quoteDepth));
                lineStart = false;
            } else if (pendingSpace) {
                out.append(' ');
            }
            out.append(chunk.strip());
            pendingSpace = Character.isWhitespace(chunk.charAt(chunk.length() - 1));
        }

        private void writePreformatted(String chunk) {
            String[] lines = LINE_BREAK.split(chunk, -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    newLine();
                }
                if (!lines[i].isEmpty()) {
                    if (lineStart) {
                        out.append("> ".repeat(quoteDepth));
                        lineStart = false;
                    }
                    out.append(lines[i]);
                }
            }
        }

        private void newLine() {
            if (lineStart && quoteDepth > 0) {
                out.append(">".repeat(quoteDepth));
            }
            out.append('\n');
            lineStart = true;
            pendingSpace = false;
        }

        /** Ends the current line; a paragraph also leaves one blank line after it. */
        private void blockBreak(boolean paragraph) {
            if (!lineStart) {
                newLine();
            }
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
