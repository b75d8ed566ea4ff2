package org.conductd.outbound;

import com.samskivert.mustache.Mustache;

/**
 * Escapes a value so that Markdown shows it as literal text: no emphasis, links, headings,
 * lists, code blocks or HTML can come out of people's names and words.
 */
final class MarkdownEscaper implements Mustache.Escaper {

    // CommonMark lets any ASCII punctuation be backslash-escaped, so escaping all of it needs no
    // knowledge of which characters are special where.
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    // The character itself, not the entity &#160;: flexmark (on Java 17) copies the rest of the
    // paragraph for every entity it reads, so entities on every line of a long indented text
    // made rendering quadratic (an 84 KB report took half a minute).
    private static final char NO_BREAK_SPACE = '\u00A0';

    @Override
    public String escape(String raw) {
        String[] lines = raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int n = 0; n < lines.length; n++) {
            if (n > 0) {
                out.append('\n');
            }
            String line = lines[n];
            if (line.isBlank()) {
                continue;
            }
            int i = 0;
            // Leading blanks would turn the line into a code block; a no-break space is not a blank to Markdown.
            for (; line.charAt(i) == ' ' || line.charAt(i) == '\t'; i++) {
                out.append(NO_BREAK_SPACE);
            }
            for (; i < line.length(); i++) {
                char c = line.charAt(i);
                if (ASCII_PUNCTUATION.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
