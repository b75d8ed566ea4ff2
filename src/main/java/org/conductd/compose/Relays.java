package org.conductd.compose;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.conductd.cases.AnonymousReports;
import org.conductd.cases.CaseTeam;
import org.conductd.config.TeamMember;
import org.conductd.mail.Attachment;
import org.conductd.mail.InboundMessage;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.Actor;
import org.conductd.store.AuthorRole;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRecord;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;

/**
 * Passes what someone wrote to a case on to the responders who are not conflicted, in the
 * caller's transaction (SPEC §3.3): a participant's message to every one of them, a
 * responder's discussion to every other one. An anonymous reporter is shown only by the
 * case's label, and their files' names are scrubbed.
 */
@Singleton
public final class Relays {

    private final CaseTeam team;
    private final CaseMail mail;
    private final EventRepository events;
    private final Clock clock;

    public Relays(CaseTeam team, CaseMail mail, EventRepository events, Clock clock) {
        this.team = team;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /** A reporter's, reported person's or new participant's message, to every reachable responder. */
    public void fromParticipant(CaseRecord c, InboundMessage m, AuthorRole role, boolean newParticipant, long row) {
        CaseText.Files files = CaseText.files(m.attachments(), c.anonymous() && role == AuthorRole.REPORTER);
        TemplateModel.Relay model = new TemplateModel.Relay(describe(role), authorLine(c, m, role), CaseText.when(
                m.date() != null ? m.date() : clock.instant()), newParticipant, CaseText.shown(m.text()),
                files.listed(), files.anyAttached(), files.withheld());
        List<TeamMember> recipients = team.reachable(c.id());
        for (TeamMember t : recipients) {
            mail.toMember(c, t, model, files.attached(), row);
        }
        events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.CONDUCTD, EventKind.RELAYED,
                "passed on to " + recipients.size() + " responders", row));
    }

    /** The case as a private list: a responder's discussion goes to every other responder who is not conflicted. */
    public void discussion(CaseRecord c, TeamMember sender, String discussion, List<Attachment> attachments, long row) {
        CaseText.Files files = CaseText.files(attachments);
        TemplateModel.Relay model = new TemplateModel.Relay(sender.name(), sender.name() + " (team)",
                CaseText.when(clock.instant()), false, CaseText.shown(discussion),
                files.listed(), files.anyAttached(), files.withheld());
        int relayed = 0;
        for (TeamMember to : team.reachable(c.id())) {
            if (!to.equals(sender)) {
                mail.toMember(c, to, model, files.attached(), row);
                relayed++;
            }
        }
        events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.member(sender.email()), EventKind.DISCUSSION,
                "passed on to " + relayed + " responders", row));
    }

    /** The author's role in words, as case mail and the event log name it. */
    public static String describe(AuthorRole role) {
        return switch (role) {
            case REPORTER -> "the reporter";
            case REPORTED -> "the reported person";
            case WITNESS -> "a new participant";
            case RESPONDER -> "a responder";
        };
    }

    private static String authorLine(CaseRecord c, InboundMessage m, AuthorRole role) {
        if (role == AuthorRole.REPORTER && c.anonymous()) {
            return AnonymousReports.label(c.id());
        }
        return describe(role) + ": " + m.from();
    }
}
