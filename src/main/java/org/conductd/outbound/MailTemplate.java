package org.conductd.outbound;

import java.util.Objects;

/**
 * A template as a team writes it: the {@code Subject:} line and the Markdown body that follows
 * the blank line, both still holding their Mustache placeholders.
 */
public record MailTemplate(String name, String subject, String body) {

    private static final String SUBJECT_PREFIX = "subject:";

    public MailTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /**
     * Splits a template file into subject and body.
     *
     * @param where where the text came from, for the error message
     */
    public static MailTemplate parse(String name, String text, String where) {
        // Editors on Windows save CRLF and sometimes a byte-order mark; neither may reach a header.
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalised.startsWith("\uFEFF")) {
            normalised = normalised.substring(1);
        }
        int firstBreak = normalised.indexOf('\n');
        String firstLine = firstBreak < 0 ? normalised : normalised.substring(0, firstBreak);
        if (!firstLine.regionMatches(true, 0, SUBJECT_PREFIX, 0, SUBJECT_PREFIX.length())) {
            throw new TemplateException("Template '" + name + "' (" + where
                    + ") must start with a line 'Subject: ...'");
        }
        String rest = firstBreak < 0 ? "" : normalised.substring(firstBreak + 1);
        if (!rest.isEmpty() && !rest.startsWith("\n")) {
            throw new TemplateException("Template '" + name + "' (" + where
                    + ") needs a blank line between the Subject line and the body");
        }
        if (rest.contains("{{{") || rest.contains("{{&") || firstLine.contains("{{{") || firstLine.contains("{{&")) {
            // Unescaped tags would bypass the Markdown escaping that keeps people's text inert.
            throw new TemplateException("Template '" + name + "' (" + where
                    + ") uses an unescaped tag ({{{...}}} or {{&...}}); use {{...}}");
        }
        return new MailTemplate(name, firstLine.substring(SUBJECT_PREFIX.length()).strip(),
                rest.isEmpty() ? "" : rest.substring(1));
    }
}
