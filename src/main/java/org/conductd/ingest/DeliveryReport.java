package org.conductd.ingest;

import java.util.List;

/**
 * What a bounce says about the mail it returns.
 *
 * @param originalMessageIds the Message-IDs of the returned message, without brackets, most trusted first
 * @param failedRecipients   the addresses it could not reach (or, for a delay, has not reached yet)
 * @param status             the status code ("5.1.1"), or "" when the report gives none
 * @param diagnostic         the mail server's short explanation, on one line, or "" when there is none
 * @param delayOnly          true when the report only says delivery is delayed and still being tried
 */
public record DeliveryReport(
        List<String> originalMessageIds,
        List<String> failedRecipients,
        String status,
        String diagnostic,
        boolean delayOnly) {

    public DeliveryReport {
        originalMessageIds = List.copyOf(originalMessageIds);
        failedRecipients = List.copyOf(failedRecipients);
        status = status == null ? "" : status;
        diagnostic = diagnostic == null ? "" : diagnostic;
    }
}
