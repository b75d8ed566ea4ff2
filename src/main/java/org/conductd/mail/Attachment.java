package org.conductd.mail;

/**
 * A file that came with a message. {@code fileName} is the sender's name for it, decoded and
 * cleaned for display only; it is never used as a path.
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public int size() {
        return content.length;
    }
}
