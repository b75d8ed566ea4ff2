package org.conductd.outbound;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import org.conductd.store.OutboxItem;

/**
 * Told when a queued message will not reach its recipient: refused for good by the SMTP
 * server, or bounced later. Called inside the transaction that records the failure, so what
 * it queues exists exactly when the failure is recorded.
 */
public interface DeliveryFailureListener {

    void deliveryFailed(OutboxItem item, Failure failure);

    /**
     * Which mail this is, for the case record ("the acknowledgement to the reporter"): never its
     * Message-ID, since that of a member's copy is their token, nor an address.
     */
    String describe(OutboxItem item);

    /**
     * What went wrong, without any email address.
     *
     * @param status    the status or reply code ("5.1.1", "550 5.1.1"), or "" when none was given
     * @param detail    the server's explanation, or "" when there was none
     * @param at        when the failure became known
     * @param reportRow the stored bounce that reported it, or null for a refusal at sending time
     */
    record Failure(String status, String detail, Instant at, @Nullable Long reportRow) {
    }
}
