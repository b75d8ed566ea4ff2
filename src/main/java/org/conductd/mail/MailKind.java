package org.conductd.mail;

import java.util.Locale;

/** What an outbound message is, sent as {@code X-Conductd-Kind} so people can filter on it. */
public enum MailKind {
    ACK,
    CASE_NOTIFICATION,
    RELAY,
    APPROVAL_REQUEST,
    TRANSCRIPT,
    COMMAND_ERROR,
    REFUSAL,
    NOTICE,
    DSF_REPORT,
    DIGEST,
    REMINDER,
    ALERT,
    QUARANTINE_NOTICE;

    public String headerValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Acknowledgements and alerts go out ahead of other queued mail. */
    public int priority() {
        return this == ACK || this == ALERT ? 0 : 1;
    }
}
