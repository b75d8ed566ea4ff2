package org.conductd.mail;

/**
 * Why a message counts as automatic mail, one name per rule of the ingest's classifier:
 * such mail is kept and filed but never answered or relayed. A value type of its own so the
 * verdict travels from the intake to the case as itself, not as a string.
 */
public enum AutomaticReason {
    DELIVERY_REPORT,
    AUTO_SUBMITTED,
    AUTORESPONDER_HEADER,
    NULL_SENDER,
    DAEMON_SENDER,
    BULK_PRECEDENCE,
    MAILING_LIST;

    /** The reason in words, as case mail and the event log show it ("auto submitted"). */
    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
