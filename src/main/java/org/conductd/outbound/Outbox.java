package org.conductd.outbound;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.OutboundMessage;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.OutboxState;
import org.conductd.text.Addresses;

/**
 * Queues outbound mail. Called inside the transaction of the change that causes the mail,
 * so the mail exists exactly when the change does; {@link OutboxSender} delivers it later.
 */
@Singleton
public final class Outbox {

    private final OutboxRepository outbox;
    private final MimeComposer composer;
    private final Clock clock;

    public Outbox(OutboxRepository outbox, MimeComposer composer, Clock clock) {
        this.outbox = outbox;
        this.composer = composer;
        this.clock = clock;
    }

    /**
     * Renders the message to its final bytes and queues it.
     *
     * @param member the roster address when the recipient is a responder, else null
     */
    public OutboxItem queue(OutboundMessage message, Long caseId, EmailAddress member, Long causeMessage) {
        return queue(message, caseId, member, causeMessage, clock.instant());
    }

    /**
     * Queues mail the daemon's sender leaves alone until {@code notBefore}: for a one-shot
     * command that delivers its own mail at once, with the daemon as the fallback.
     */
    public OutboxItem queue(OutboundMessage message, Long caseId, EmailAddress member, Long causeMessage,
                            Instant notBefore) {
        return queue(message, caseId, member, causeMessage, notBefore, false);
    }

    /**
     * Queues a content-free notice that reaches its member even while they are conflicted in
     * the case (that they were declared conflicted, a SEND-NOW): no member can be silenced.
     */
    public OutboxItem queueForConflicted(OutboundMessage message, long caseId, EmailAddress member, Long causeMessage) {
        return queue(message, caseId, member, causeMessage, clock.instant(), true);
    }

    private OutboxItem queue(OutboundMessage message, Long caseId, EmailAddress member, Long causeMessage,
                             Instant notBefore, boolean forConflicted) {
        if (message.to().size() != 1) {
            throw new IllegalArgumentException("one recipient per queued message, got " + message.to().size());
        }
        Instant now = clock.instant();
        return outbox.save(new OutboxItem(null, caseId, message.kind(), message.kind().priority(),
                message.messageId(), message.to().get(0).address(), member == null ? null : member.address(),
                composer.toBytes(message), OutboxState.PENDING, 0, notBefore, null, now, null, causeMessage, null, null,
                forConflicted));
    }

    /**
     * Whether mail can be addressed to this address at all. The parser accepts addresses that
     * Jakarta Mail refuses to write ({@code a..b@x}, say); queuing mail to one would fail the
     * whole transaction.
     */
    public boolean isDeliverable(EmailAddress address) {
        return Addresses.parse(address.address()).isPresent();
    }
}
