package org.conductd.retention;

import java.time.LocalDate;

/**
 * What a purge erased, or would erase: the cases that still held personal data, their
 * messages, attachments and oversized mail files. A case erased before counts no more.
 */
public record PurgeReport(LocalDate closedBefore, int cases, int messages, int attachments, int files) {

    public boolean isEmpty() {
        return cases == 0;
    }

    PurgeReport plus(PurgeReport other) {
        return new PurgeReport(closedBefore, cases + other.cases, messages + other.messages,
                attachments + other.attachments, files + other.files);
    }
}
