package org.conductd.outbound;

/** A template filled in: a one-line subject, the plain-text body and the HTML body. */
public record RenderedMail(String subject, String text, String html) {
}
