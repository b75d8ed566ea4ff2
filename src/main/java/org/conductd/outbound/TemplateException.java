package org.conductd.outbound;

/** A template that cannot be used: malformed, or (as {@link MissingTemplateException}) not found. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
