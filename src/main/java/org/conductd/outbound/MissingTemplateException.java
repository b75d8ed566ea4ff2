package org.conductd.outbound;

/** No template of that name exists in any of the places looked at; the message names them. */
public class MissingTemplateException extends TemplateException {

    public MissingTemplateException(String message) {
        super(message);
    }
}
