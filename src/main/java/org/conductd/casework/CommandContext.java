package org.conductd.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.conductd.config.TeamMember;
import org.conductd.mail.Severity;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRecord;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;

/**
 * One reply being applied to a case: who sent it and from which message, the event log each
 * change is written to, and what the reply has produced so far: the sender's transcript, the
 * mail to send once every change is made, and the lead and severity as its earlier lines left them.
 */
final class CommandContext {

    private final CaseRecord c;
    private final TeamMember sender;
    private final List<String> referencedIds;
    private final long row;
    private final EventRepository events;
    private final Clock clock;
    private final List<String> transcript = new ArrayList<>();
    private final List<Runnable> mail = new ArrayList<>();
    private String lead;
    private boolean urgent;
    private boolean declaredOthers;

    CommandContext(CaseRecord c, TeamMember sender, List<String> referencedIds, long row, EventRepository events,
                   Clock clock) {
        this.c = c;
        this.sender = sender;
        this.referencedIds = referencedIds;
        this.row = row;
        this.events = events;
        this.clock = clock;
        this.lead = c.lead();
        this.urgent = c.severity() == Severity.URGENT;
    }

    CaseRecord caseRecord() {
        return c;
    }

    TeamMember sender() {
        return sender;
    }

    /** The sender's roster address. */
    String senderAddress() {
        return sender.email().address();
    }

    List<String> referencedIds() {
        return referencedIds;
    }

    /** The stored message the reply is. */
    long row() {
        return row;
    }

    Instant now() {
        return clock.instant();
    }

    /** Writes a change by the sender to the case's event log. */
    void record(EventKind kind, String detail) {
        record(Actor.member(sender.email()), kind, detail);
    }

    void record(Actor actor, EventKind kind, String detail) {
        events.save(new CaseEvent(null, c.id(), now(), actor, kind, detail, row));
    }

    /** Adds a line to the sender's transcript. */
    void tell(String line) {
        transcript.add(line);
    }

    /** Mail to send once every change of the reply is made. */
    void thenMail(Runnable send) {
        mail.add(send);
    }

    List<String> transcript() {
        return transcript;
    }

    List<Runnable> mail() {
        return mail;
    }

    String lead() {
        return lead;
    }

    void lead(String lead) {
        this.lead = lead;
    }

    boolean urgent() {
        return urgent;
    }

    void urgent(boolean urgent) {
        this.urgent = urgent;
    }

    /** Whether the reply declared a member other than its sender conflicted. */
    boolean declaredOthers() {
        return declaredOthers;
    }

    void declaredOthers(boolean declaredOthers) {
        this.declaredOthers = declaredOthers;
    }
}
