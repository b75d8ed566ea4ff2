package org.conductd.mail;

import java.util.List;
import java.util.Map;

/**
 * A message conductd will send, fully rendered. {@code messageId} is chosen by conductd and
 * is what goes out on the wire, so that replies thread back to it.
 *
 * @param extraHeaders headers such as {@code Auto-Submitted} or {@code Thread-Index}; values
 *                     must already be free of CR/LF (the renderer guarantees it)
 * @param attachments  files sent along, such as those of a report passed on to responders
 */
public record OutboundMessage(
        MailKind kind,
        String messageId,
        EmailAddress from,
        List<EmailAddress> to,
        EmailAddress replyTo,
        String subject,
        String inReplyTo,
        List<String> references,
        Map<String, String> extraHeaders,
        String textBody,
        String htmlBody,
        List<Attachment> attachments) {

    public OutboundMessage {
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
        references = List.copyOf(references);
        extraHeaders = Map.copyOf(extraHeaders);
    }

    /** A message without attachments. */
    public OutboundMessage(MailKind kind, String messageId, EmailAddress from, List<EmailAddress> to,
                           EmailAddress replyTo, String subject, String inReplyTo, List<String> references,
                           Map<String, String> extraHeaders, String textBody, String htmlBody) {
        this(kind, messageId, from, to, replyTo, subject, inReplyTo, references, extraHeaders, textBody, htmlBody,
                List.of());
    }
}
