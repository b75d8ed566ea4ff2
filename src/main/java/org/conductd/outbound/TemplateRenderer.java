package org.conductd.outbound;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.conductd.mail.MessageBudget;

/**
 * Fills a template with its {@link TemplateModel} and returns its subject, plain text and HTML.
 * Values are text to show, never markup: they cannot add template syntax, Markdown, HTML or
 * header lines. A missing value renders as empty. The name {@code quote} is reserved:
 * {@code {{#quote}}...{{/quote}}} shows its content as a quoted block, every line of it, which
 * keeps multi-line text from people in one place.
 */
public final class TemplateRenderer {

    /** Longer subjects are cut; mail clients show far less, and RFC 5322 lines stop at 998. */
    public static final int MAX_SUBJECT_LENGTH = 250;

    static final String QUOTE = "quote";

    /** Prefixes every line of the section's output with "> ", in the text and in the Markdown alike. */
    private static final Mustache.Lambda QUOTE_LAMBDA = (fragment, out) -> out.write(quoted(fragment.execute(), 0));

    /**
     * The Markdown quote is cut into blocks of this many lines: flexmark takes time quadratic in
     * the lines of one block quote, and a report may have thousands. Consecutive blocks show as
     * one quote.
     */
    static final int LINES_PER_QUOTE_BLOCK = 200;

    private static final Mustache.Lambda MARKDOWN_QUOTE_LAMBDA =
            (fragment, out) -> out.write(quoted(fragment.execute(), LINES_PER_QUOTE_BLOCK));

    private final TemplateSource source;
    private final Mustache.Compiler textCompiler;
    private final Mustache.Compiler htmlCompiler;
    private final MarkdownHtml markdown = new MarkdownHtml();
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    public TemplateRenderer(TemplateSource source) {
        this.source = source;
        Mustache.Compiler base = Mustache.compiler()
                .defaultValue("")
                .emptyStringIsFalse(true)
                .zeroIsFalse(true);
        // Plain text needs no escaping, and Mustache never re-reads a value as a template.
        this.textCompiler = base.escapeHTML(false);
        this.htmlCompiler = base.withEscaper(new MarkdownEscaper());
    }

    /** Renders the model's template; within the message budget, since the values hold people's text. */
    public RenderedMail render(TemplateModel model) {
        // The sealed TemplateModel permits records only.
        return render(model.template().fileName(), TemplateValues.of((Record) model, UnaryOperator.identity()));
    }

    /**
     * Renders mail about a case with the case's common values. Every text of the model, in its
     * rows too, passes through {@code eachText} first: that is where an anonymous reporter is
     * taken out of it. The common values are added as they are.
     */
    public RenderedMail render(TemplateModel.AboutCase model, UnaryOperator<String> eachText,
                               TemplateModel.CaseValues common) {
        Map<String, Object> values = TemplateValues.of((Record) model, eachText);
        values.putAll(TemplateValues.of(common, UnaryOperator.identity()));
        return render(model.template().fileName(), values);
    }

    /** Renders the template of that file name with values already made: a shipped one's from its model, a test's own. */
    RenderedMail render(String templateName, Map<String, Object> values) {
        Compiled template = cache.computeIfAbsent(templateName, this::compile);
        return MessageBudget.within(() -> render(template, values));
    }

    private RenderedMail render(Compiled template, Map<String, Object> values) {
        Map<String, Object> context = new HashMap<>(values == null ? Map.of() : values);
        context.put(QUOTE, QUOTE_LAMBDA); // reserved: a caller's "quote" would break every quoted block
        String subject = HeaderText.oneLine(template.subject.execute(context), MAX_SUBJECT_LENGTH);
        String text = template.text.execute(context);
        context.put(QUOTE, MARKDOWN_QUOTE_LAMBDA);
        String html = markdown.toHtml(template.html.execute(context));
        return new RenderedMail(subject, text, html);
    }

    private Compiled compile(String name) {
        MailTemplate template = source.load(name);
        try {
            return new Compiled(textCompiler.compile(template.subject()),
                    textCompiler.compile(template.body()),
                    htmlCompiler.compile(template.body()));
        } catch (RuntimeException e) {
            throw new TemplateException("Template '" + name + "' does not compile: " + e.getMessage(), e);
        }
    }

    private record Compiled(Template subject, Template text, Template html) {
    }

    /** The content with "> " before every line, or a bare ">" before a blank one. */
    static String quoted(String content) {
        return quoted(content, 0);
    }

    /**
     * The content quoted, and, when {@code linesPerBlock} is positive, an unquoted empty line
     * after every that many lines, which ends one Markdown block quote and starts the next.
     */
    static String quoted(String content, int linesPerBlock) {
        // Blank lines around the content come from the template's layout, not from the quoted text.
        String trimmed = withoutLeadingBlankLines(content).stripTrailing();
        StringBuilder out = new StringBuilder(trimmed.length() + 16);
        int start = 0;
        int lines = 0;
        while (true) {
            int end = start;
            while (end < trimmed.length() && trimmed.charAt(end) != '\n' && trimmed.charAt(end) != '\r') {
                end++;
            }
            String line = trimmed.substring(start, end);
            // An empty line gets a bare ">" so that one quote block stays one block.
            out.append(line.isBlank() ? ">" : "> " + line);
            if (end == trimmed.length()) {
                return out.toString();
            }
            out.append('\n');
            if (linesPerBlock > 0 && ++lines % linesPerBlock == 0) {
                out.append('\n');
            }
            start = trimmed.startsWith("\r\n", end) ? end + 2 : end + 1;
        }
    }

    /** The text after the last line break in its leading blanks (tab, LF, VT, FF, CR, space). */
    private static String withoutLeadingBlankLines(String text) {
        int blanks = 0;
        while (blanks < text.length() && isBlank(text.charAt(blanks))) {
            blanks++;
        }
        return text.substring(text.lastIndexOf('\n', blanks - 1) + 1);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }
}
