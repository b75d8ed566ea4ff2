package org.conductd.ingest;

import java.util.ArrayList;
import java.util.List;
import org.conductd.mail.Attachment;
import org.conductd.text.HtmlText;
import org.conductd.text.HtmlText.Markers;

/**
 * Sorts the leaf parts of a message, in the order they arrive, into the body text and the
 * attachments. The first inline text/plain part is the text (so in multipart/alternative the
 * plain version wins wherever it stands); the first inline text/html part is kept in case there
 * is no plain one. Every other part worth keeping is an attachment: anything marked as one,
 * anything not text (images, message/delivery-status, a forwarded message), and text that is
 * neither the body nor its alternative (text/calendar, text/rfc822-headers, a named .txt file).
 */
final class MessageParts {

    static final String FORWARDED_MESSAGE_NAME = "forwarded-message.eml";

    private String plain;
    private String html;
    private final List<Attachment> attachments = new ArrayList<>();

    void add(String mimeType, String charset, PartHeaders headers, byte[] content) {
        boolean text = mimeType.startsWith("text/");
        if (isMessage(mimeType)) {
            attachments.add(forwardedMessage(mimeType, headers, content));
        } else if (headers.isAttachment() || !text) {
            attachments.add(new Attachment(AttachmentName.forDisplay(headers.fileName()), mimeType, content));
        } else if (mimeType.equals("text/plain") && plain == null) {
            plain = TextDecoder.decode(content, charset);
        } else if (mimeType.equals("text/html") && html == null) {
            html = TextDecoder.decode(content, charset);
        } else if (headers.fileName() != null || !isBodyType(mimeType)) {
            attachments.add(new Attachment(AttachmentName.forDisplay(headers.fileName()), mimeType, content));
        }
    }

    /**
     * A multipart message whose boundary never appears (some old MTAs and scripts declare one
     * and never write it) has all of its content in the preamble; it is read as plain text
     * rather than lost.
     */
    void addUnboundedMultipart(byte[] preamble) {
        if (plain == null) {
            plain = TextDecoder.guess(preamble);
        }
    }

    /** The readable text with newlines normalised to \n, or "" when there is none. */
    String text() {
        if (plain != null) {
            return normalisedNewlines(plain);
        }
        return html == null ? "" : normalisedNewlines(HtmlText.toText(html, Markers.KEPT));
    }

    /** The first inline HTML part as sent, or null. */
    String html() {
        return html;
    }

    boolean textFromHtml() {
        return plain == null && html != null;
    }

    List<Attachment> attachments() {
        return attachments;
    }

    /** A forwarded message keeps its raw bytes, so it can be read or re-parsed as sent. */
    private static Attachment forwardedMessage(String mimeType, PartHeaders headers, byte[] content) {
        String name = AttachmentName.forDisplay(headers.fileName());
        return new Attachment(name == null ? FORWARDED_MESSAGE_NAME : name, mimeType, content);
    }

    private static boolean isMessage(String mimeType) {
        return mimeType.equals("message/rfc822") || mimeType.equals("message/global");
    }

    private static boolean isBodyType(String mimeType) {
        return mimeType.equals("text/plain") || mimeType.equals("text/html");
    }

    private static String normalisedNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
