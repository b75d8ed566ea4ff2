package org.conductd.store;

/** What ingest did with a received message. */
public enum Disposition {
    /** Stored, about to be handled in the same transaction (never seen committed). */
    RECEIVED,
    /** Opened a case. */
    REPORT,
    /** Added to an existing case. */
    FOLLOW_UP,
    /** A responder's mail that was not authentic, or came from a conflicted member: kept, flagged, never relayed. */
    REFUSED,
    /** Automatic mail (auto-reply, list, bulk): stored, never answered. */
    AUTOMATIC,
    /** A delivery status notification or other bounce: recorded, never answered. */
    BOUNCE,
    /** A second message with a Message-ID already handled: kept, never handled twice. */
    DUPLICATE,
    /** Mail conductd sent itself, seen again in the inbox. */
    OWN,
    /** Could not be handled: kept raw, flagged on the server, the team told. */
    QUARANTINED
}
