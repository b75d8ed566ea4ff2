package org.conductd.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.conductd.cases.AnonymousReports;
import org.conductd.cases.AnswerLimits;
import org.conductd.cases.CodeNames;
import org.conductd.cases.RosterMentions;
import org.conductd.compose.CaseMail;
import org.conductd.compose.CaseText;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.Arrival;
import org.conductd.mail.AutomaticReason;
import org.conductd.mail.InboundMessage;
import org.conductd.mail.MessageBudget;
import org.conductd.outbound.Outbox;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.Actor;
import org.conductd.store.AuthorRole;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseMember;
import org.conductd.store.CaseMemberRepository;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.HeldNotification;
import org.conductd.store.HeldNotificationRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;

/**
 * Opens a case for a stored report (SPEC §3.1), in the caller's transaction: records the
 * reporter, leaves out roster members the report names, acknowledges the reporter when
 * that is safe, and notifies every other responder with their own token.
 */
@Singleton
public final class CaseIntake {

    /** The actor the event log names for what conductd does by itself. */
    private static final Duration FLOOD_WINDOW = Duration.ofHours(1);
    /**
     * A report that reached the mailbox this long before conductd read it was not just
     * written (mail moved in from an archive keeps its arrival time, say): its sender is not
     * thanked as if it were new.
     */
    private static final Duration STALE_REPORT = Duration.ofDays(3);

    private final Settings settings;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final CaseMemberRepository members;
    private final EventRepository events;
    private final MessageRepository messages;
    private final CaseMail mail;
    private final Outbox outbox;
    private final HeldNotificationRepository held;
    private final AnswerLimits limits;
    private final CodeNames codeNames = new CodeNames();
    private final Clock clock;

    public CaseIntake(Settings settings, CaseRepository cases, ParticipantRepository participants,
                      CaseMemberRepository members, EventRepository events, MessageRepository messages, CaseMail mail,
                      Outbox outbox, HeldNotificationRepository held, AnswerLimits limits, Clock clock) {
        this.held = held;
        this.limits = limits;
        this.settings = settings;
        this.cases = cases;
        this.participants = participants;
        this.members = members;
        this.events = events;
        this.messages = messages;
        this.mail = mail;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Opens the case for the stored message {@code row}.
     *
     * @param automatic why the mail looks automatic, if it does: then nobody is answered
     * @param arrival   when the report reached the mailbox
     */
    public CaseRecord open(long row, InboundMessage report, Optional<AutomaticReason> automatic, Arrival arrival) {
        // Milliseconds, as stored: everything derived from the opening time must match after a reload.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<TeamMember> takenBy = settings.member(report.from());
        boolean anonymous = MessageBudget.within(() -> AnonymousReports.isAnonymous(report.subject(), report.text()));
        CaseRecord c = cases.save(CaseRecord.opened(codeNames.next(cases::existsByCodeName), anonymous, now,
                takenBy.map(m -> m.email().address()).orElse(null), report.subject()));
        messages.assign(row, c.id(), takenBy.isPresent() ? AuthorRole.RESPONDER : AuthorRole.REPORTER,
                Disposition.REPORT, automatic.map(Enum::name).orElse(null));
        if (takenBy.isEmpty()) {
            participants.save(new Participant(null, c.id(), ParticipantRole.REPORTER, report.from().name(),
                    report.from().address(), now));
        }
        events.save(new CaseEvent(null, c.id(), now, takenBy.map(m -> Actor.member(m.email())).orElse(Actor.REPORTER), EventKind.OPENED,
                takenBy.map(m -> "report passed on by " + m.name()).orElse(anonymous ? "anonymous report" : "report received"),
                row));

        List<TeamMember> others = settings.team().stream().filter(m -> takenBy.map(t -> !t.equals(m)).orElse(true)).toList();
        List<TeamMember> named = MessageBudget.within(() -> RosterMentions.named(report.subject() + "\n" + report.text(), others));
        for (TeamMember m : settings.team()) {
            boolean excluded = named.contains(m);
            members.save(new CaseMember(null, c.id(), m.email().address(), excluded,
                    excluded ? "named in the report" : null, now, null));
            if (excluded) {
                events.save(new CaseEvent(null, c.id(), now, Actor.CONDUCTD, EventKind.MEMBER_LEFT_OUT,
                        m.name() + " is named in the report", row));
            }
        }

        if (takenBy.isEmpty()) {
            acknowledge(c, report, automatic, arrival, row, now);
        }
        notifyTeam(c, report, takenBy, named, automatic, arrival, row);
        return c;
    }

    private void acknowledge(CaseRecord c, InboundMessage report, Optional<AutomaticReason> automatic, Arrival arrival, long row,
                             Instant now) {
        Optional<String> withheld = reasonNotToAcknowledge(report, automatic, arrival, now);
        if (withheld.isPresent()) {
            events.save(new CaseEvent(null, c.id(), now, Actor.CONDUCTD, EventKind.NOT_ACKNOWLEDGED, withheld.get(), row));
            return;
        }
        mail.autoReply(c, report, new TemplateModel.Ack(report.subject().isBlank() ? "your report" : report.subject(),
                settings.emergencyContact()), row);
        events.save(new CaseEvent(null, c.id(), now, Actor.CONDUCTD, EventKind.ACKNOWLEDGED, "acknowledgement queued", row));
    }

    /** Why the reporter must not get an automatic answer, if there is a reason. */
    private Optional<String> reasonNotToAcknowledge(InboundMessage report, Optional<AutomaticReason> automatic, Arrival arrival,
                                                    Instant now) {
        if (automatic.isPresent()) {
            return Optional.of("automatic mail (" + automatic.get().name() + ")");
        }
        if (!outbox.isDeliverable(report.from())) {
            return Optional.of("the sender's address cannot be written to");
        }
        // Judged by when the mail reached the mailbox, never by its Date: header: a reporter
        // whose phone or laptop has the wrong time must still hear back.
        if (arrival.beforeFirstSync()) {
            return Optional.of("the report was already in the mailbox when conductd first read it");
        }
        if (arrival.at() != null && arrival.at().isBefore(now.minus(STALE_REPORT))) {
            return Optional.of("the report reached the mailbox " + CaseText.when(arrival.at()) + ", more than "
                    + STALE_REPORT.toDays() + " days before conductd read it");
        }
        if (limits.acknowledgementsSpent(report.from())) {
            return Optional.of("more than " + settings.acknowledgementsPerHour()
                    + " acknowledgements to this address within an hour");
        }
        return Optional.empty();
    }

    private void notifyTeam(CaseRecord c, InboundMessage report, Optional<TeamMember> takenBy, List<TeamMember> named,
                            Optional<AutomaticReason> automatic, Arrival arrival, long row) {
        CaseText.Files files = CaseText.files(report.attachments(), c.anonymous());
        List<TemplateModel.LeftOut> excluded = named.stream().map(m -> new TemplateModel.LeftOut(m.name())).toList();
        TemplateModel.CaseNotification model = new TemplateModel.CaseNotification(reporterLine(c, report, takenBy),
                takenBy.map(TeamMember::name).orElse(""),
                CaseText.when(arrival.at() != null ? arrival.at() : c.openedAt()), report.subject(), c.anonymous(),
                automatic.map(AutomaticReason::words).orElse(""), CaseText.shown(report.text()),
                files.listed(), files.anyAttached(), files.withheld(), excluded);
        List<TeamMember> recipients = settings.team().stream().filter(m -> !named.contains(m)).toList();
        if (!recipients.isEmpty() && inFlood(c)) {
            held.save(new HeldNotification(c.id(), c.openedAt(), null));
            events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.CONDUCTD, EventKind.NOTIFICATION_HELD,
                    "more than " + settings.floodNewCasesPerHour() + " new cases within an hour: the responders get"
                            + " it in the next summary of new cases", row));
            return;
        }
        for (TeamMember m : recipients) {
            mail.firstToMember(c, m, model, files.attached(), row);
        }
        if (!named.isEmpty()) {
            TemplateModel.MemberExcluded alert = new TemplateModel.MemberExcluded(excluded);
            for (TeamMember m : recipients) {
                mail.toMember(c, m, alert, row);
            }
        }
        if (recipients.isEmpty()) {
            alertNobodyNotified(c, row);
        }
        events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.CONDUCTD, EventKind.TEAM_NOTIFIED,
                recipients.size() + " of " + settings.team().size() + " responders notified", row));
    }

    /** Whether this case is one of more new cases within the last hour than the team is mailed one by one. */
    private boolean inFlood(CaseRecord c) {
        return cases.countOpenedSince(c.openedAt().minus(FLOOD_WINDOW)) > settings.floodNewCasesPerHour();
    }

    /**
     * The report names every responder, so it reached none of them. The organizers (or, with
     * none configured, the whole team) get an alert without any of its content, so the
     * report is not left lying unseen.
     */
    private void alertNobodyNotified(CaseRecord c, long row) {
        if (settings.organizers().isEmpty()) {
            for (TeamMember m : settings.team()) {
                mail.toMember(c, m, new TemplateModel.NobodyNotified(), row);
            }
        } else {
            for (var organizer : settings.organizers()) {
                mail.toPerson(c, organizer, new TemplateModel.NobodyNotified(), row);
            }
        }
        events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.CONDUCTD, EventKind.NOBODY_NOTIFIED,
                "the report names every responder; " + (settings.organizers().isEmpty() ? "the team" : "the organizers")
                        + " were alerted without its content", row));
    }

    private String reporterLine(CaseRecord c, InboundMessage report, Optional<TeamMember> takenBy) {
        if (c.anonymous()) {
            return AnonymousReports.label(c.id());
        }
        if (takenBy.isPresent()) {
            return "not yet recorded: " + takenBy.get().name() + " passed this report on (record the reporter with REPORTER: Name <address>)";
        }
        return report.from().toString();
    }
}
