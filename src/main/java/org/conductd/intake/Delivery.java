package org.conductd.intake;

import java.util.Optional;
import org.conductd.config.TeamMember;
import org.conductd.ingest.FetchedMessage;
import org.conductd.mail.Arrival;
import org.conductd.mail.AutomaticReason;
import org.conductd.mail.InboundMessage;
import org.conductd.store.Actor;
import org.conductd.store.AuthorRole;
import org.conductd.store.CaseRecord;

/**
 * One fetched message on its way through the {@link Intake}, with what the steps learnt of
 * it so far: each step reads what the steps before it set, so nothing is carried as
 * arguments from one to the next. Made for one message and dropped after it.
 */
final class Delivery {

    /** Who wrote a message filed in a case, as far as the case knows them. */
    record Author(AuthorRole role, Optional<TeamMember> member, boolean knownToTheCase, Actor actor) {
    }

    private final FetchedMessage fetched;
    private final Arrival arrival;
    private InboundMessage message;
    private String messageId;
    private Optional<AutomaticReason> automatic = Optional.empty();
    private long row;
    private CaseRecord caseRecord;
    private Author author;

    Delivery(FetchedMessage fetched, Arrival arrival) {
        this.fetched = fetched;
        this.arrival = arrival;
    }

    FetchedMessage fetched() {
        return fetched;
    }

    Arrival arrival() {
        return arrival;
    }

    /** The parsed message; set by {@link ParseOrQuarantine}. */
    InboundMessage message() {
        return message;
    }

    void parsed(InboundMessage message) {
        this.message = message;
        this.messageId = message.messageId();
    }

    /**
     * The Message-ID the message is stored under: its own, or null when another message
     * already holds it ({@link KeepDuplicate}).
     */
    String messageId() {
        return messageId;
    }

    void forgetMessageId() {
        this.messageId = null;
    }

    /** Why the message is automatic mail, if it is; set by {@link ClassifyAutomatic}. */
    Optional<AutomaticReason> automatic() {
        return automatic;
    }

    void automatic(Optional<AutomaticReason> automatic) {
        this.automatic = automatic;
    }

    /** The stored message's row; set by {@link Store}. */
    long row() {
        return row;
    }

    void stored(long row) {
        this.row = row;
    }

    /** The case the message threads into; set by {@link ThreadOrOpenCase}. */
    CaseRecord caseRecord() {
        return caseRecord;
    }

    void filedIn(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    /** Who wrote it, for the case; set by {@link IdentifyAuthor}. */
    Author author() {
        return author;
    }

    void author(Author author) {
        this.author = author;
    }
}
