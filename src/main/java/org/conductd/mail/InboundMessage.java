package org.conductd.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A received message after MIME parsing: what threading, the guards and the case logic need.
 *
 * @param messageId    the Message-ID without brackets, or null when the message had none
 * @param from         the From mailbox (never Reply-To), or null when absent or unparseable
 * @param returnPath   the Return-Path address; the empty string for a null sender ({@code <>}),
 *                     null when the header is absent
 * @param text         the readable text: text/plain, else text derived from the HTML part
 * @param html         the text/html body as sent, or null; reply trimming reads mail clients' quote markup in it
 * @param headers      every header field, for the guards, decoded and raw
 */
public record InboundMessage(
        String messageId,
        EmailAddress from,
        List<EmailAddress> replyTo,
        List<EmailAddress> to,
        List<EmailAddress> cc,
        String returnPath,
        String subject,
        Instant date,
        List<String> inReplyTo,
        List<String> references,
        String text,
        boolean textFromHtml,
        String html,
        List<Attachment> attachments,
        List<MailHeader> headers,
        String contentType) {

    public InboundMessage {
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        headers = List.copyOf(headers);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
    }

    /** The first value of a header, case-insensitively, or null. */
    public String header(String name) {
        for (MailHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (MailHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                values.add(h.value());
            }
        }
        return values;
    }

    /**
     * Every value of a header as received, only unfolded, top to bottom: for structured fields
     * whose syntax a decoded encoded-word could fake, such as Authentication-Results.
     */
    public List<String> rawHeaders(String name) {
        List<String> values = new ArrayList<>();
        for (MailHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                values.add(h.raw());
            }
        }
        return values;
    }

    /** In-Reply-To then References, the ids a reply points at, without duplicates. */
    public List<String> referencedIds() {
        List<String> ids = new ArrayList<>(inReplyTo);
        for (String r : references) {
            if (!ids.contains(r)) {
                ids.add(r);
            }
        }
        return ids;
    }

    public String mimeType() {
        return contentType == null ? "text/plain" : contentType.toLowerCase(Locale.ROOT);
    }
}
