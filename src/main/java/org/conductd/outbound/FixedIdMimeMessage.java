package org.conductd.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.conductd.mail.MessageId;

/**
 * A MimeMessage that keeps conductd's own Message-ID. {@code saveChanges()} (called again by
 * {@code Transport.send}) would otherwise replace it with a random one, and replies would no
 * longer thread back to the case.
 */
final class FixedIdMimeMessage extends MimeMessage {

    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", MessageId.bracketed(messageId));
    }
}
