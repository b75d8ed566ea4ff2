package org.conductd.threading;

/** Which case a message belongs to, and by which rule (SPEC §3.2). */
public sealed interface ThreadMatch {

    /** In-Reply-To or References names a message of the case. */
    record ByReference(long caseId, String messageId) implements ThreadMatch {
    }

    /** The subject carries the case tag and the sender already takes part in the case. */
    record BySubjectTag(long caseId) implements ThreadMatch {
    }

    /** No rule matched: the message starts a new case. */
    record NewCase() implements ThreadMatch {
    }
}
