package org.conductd.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.ingest.AutomaticMail;
import org.conductd.ingest.FetchedMessage;
import org.conductd.ingest.RawArchive;
import org.conductd.mail.InboundMessage;
import org.conductd.mail.MailKind;
import org.conductd.outbound.Outbox;
import org.conductd.store.AuthorRole;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseMember;
import org.conductd.store.CaseMemberRepository;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.Disposition;
import org.conductd.store.EventRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;

/**
 * Opens a case for a report (SPEC §3.1), in the caller's transaction: stores the report,
 * records the reporter, leaves out roster members the report names, acknowledges the
 * reporter (unless the mail is automatic or the address has had too many
 * acknowledgements), and notifies every other responder with their own token.
 */
@Singleton
public final class CaseIntake {

    static final String ACTOR_SYSTEM = "conductd";
    private static final Duration ACK_WINDOW = Duration.ofHours(1);

    private final Settings settings;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final CaseMemberRepository members;
    private final EventRepository events;
    private final RawArchive archive;
    private final CaseMail mail;
    private final Outbox outbox;
    private final CodeNames codeNames = new CodeNames();
    private final Clock clock;

    public CaseIntake(Settings settings, CaseRepository cases, ParticipantRepository participants,
                      CaseMemberRepository members, EventRepository events, RawArchive archive, CaseMail mail,
                      Outbox outbox, Clock clock) {
        this.settings = settings;
        this.cases = cases;
        this.participants = participants;
        this.members = members;
        this.events = events;
        this.archive = archive;
        this.mail = mail;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opens the case; returns the stored message's row id. */
    public long open(FetchedMessage fetched, InboundMessage report, Optional<AutomaticMail.Reason> automatic) {
        Instant now = clock.instant();
        Optional<TeamMember> takenBy = settings.member(report.from());
        boolean anonymous = AnonymousReports.isAnonymous(report.subject(), report.text());
        CaseRecord c = cases.save(new CaseRecord(null, codeNames.next(cases::existsByCodeName), CaseState.OPEN, null,
                anonymous, now, takenBy.map(m -> m.email().address()).orElse(null), report.subject(), now));
        long row = archive.store(fetched, report, report.messageId(), Disposition.REPORT, c.id(),
                takenBy.isPresent() ? AuthorRole.RESPONDER : AuthorRole.REPORTER,
                automatic.map(Enum::name).orElse(null));
        String actor = takenBy.map(m -> m.email().address()).orElse("reporter");
        if (takenBy.isEmpty()) {
            participants.save(new Participant(null, c.id(), ParticipantRole.REPORTER, report.from().name(),
                    report.from().address(), now));
        }
        events.save(new CaseEvent(null, c.id(), now, actor, "opened",
                takenBy.map(m -> "report passed on by " + m.name()).orElse(anonymous ? "anonymous report" : "report received"),
                row));

        List<TeamMember> others = settings.team().stream().filter(m -> takenBy.map(t -> !t.equals(m)).orElse(true)).toList();
        List<TeamMember> named = RosterMentions.named(report.subject() + "\n" + report.text(), others);
        for (TeamMember m : settings.team()) {
            boolean excluded = named.contains(m);
            members.save(new CaseMember(null, c.id(), m.email().address(), excluded,
                    excluded ? "named in the report" : null, now));
            if (excluded) {
                events.save(new CaseEvent(null, c.id(), now, ACTOR_SYSTEM, "member-left-out",
                        m.name() + " is named in the report", row));
            }
        }

        if (takenBy.isEmpty()) {
            acknowledge(c, report, automatic, row, now);
        }
        notifyTeam(c, report, takenBy, named, automatic, row);
        return row;
    }

    private void acknowledge(CaseRecord c, InboundMessage report, Optional<AutomaticMail.Reason> automatic, long row, Instant now) {
        if (automatic.isPresent()) {
            events.save(new CaseEvent(null, c.id(), now, ACTOR_SYSTEM, "not-acknowledged",
                    "automatic mail (" + automatic.get().name() + ")", row));
            return;
        }
        String kind = MailKind.ACK.headerValue();
        if (outbox.sentToSince(report.from(), kind, now.minus(ACK_WINDOW)) >= settings.acknowledgementsPerHour()) {
            events.save(new CaseEvent(null, c.id(), now, ACTOR_SYSTEM, "not-acknowledged",
                    "more than " + settings.acknowledgementsPerHour() + " acknowledgements to this address within an hour", row));
            return;
        }
        List<String> references = new ArrayList<>(report.references());
        if (report.messageId() != null && !references.contains(report.messageId())) {
            references.add(report.messageId());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("originalSubject", report.subject().isBlank() ? "your report" : report.subject());
        model.put("emergencyContact", settings.emergencyContact());
        mail.toPerson(c, report.from(), MailKind.ACK, "ack", model, report.messageId(), references,
                Map.of("Auto-Submitted", "auto-replied"), row);
        events.save(new CaseEvent(null, c.id(), now, ACTOR_SYSTEM, "acknowledged", "acknowledgement queued", row));
    }

    private void notifyTeam(CaseRecord c, InboundMessage report, Optional<TeamMember> takenBy, List<TeamMember> named,
                            Optional<AutomaticMail.Reason> automatic, long row) {
        Map<String, Object> model = new HashMap<>();
        model.put("reporterLine", reporterLine(c, report, takenBy));
        model.put("takenBy", takenBy.map(TeamMember::name).orElse(""));
        model.put("receivedAt", CaseText.when(report.date() != null ? report.date() : c.openedAt()));
        model.put("originalSubject", report.subject());
        model.put("reportText", report.text());
        model.put("attachments", CaseText.attachments(report.attachments()));
        model.put("excluded", named.stream().map(m -> Map.<String, Object>of("name", m.name())).toList());
        model.put("automaticReason", automatic.map(r -> r.name().toLowerCase().replace('_', ' ')).orElse(""));
        model.put("anonymous", c.anonymous());
        List<TeamMember> recipients = settings.team().stream().filter(m -> !named.contains(m)).toList();
        for (TeamMember m : recipients) {
            mail.toMember(c, m, MailKind.CASE_NOTIFICATION, "case-notification", model, report.attachments(), row);
        }
        if (!named.isEmpty()) {
            Map<String, Object> alert = Map.of("excluded", model.get("excluded"));
            for (TeamMember m : recipients) {
                mail.toMember(c, m, MailKind.ALERT, "member-excluded", alert, row);
            }
        }
        events.save(new CaseEvent(null, c.id(), clock.instant(), ACTOR_SYSTEM, "team-notified",
                recipients.size() + " of " + settings.team().size() + " responders notified", row));
    }

    private String reporterLine(CaseRecord c, InboundMessage report, Optional<TeamMember> takenBy) {
        if (c.anonymous()) {
            return "Reporter (anonymous, case " + c.id() + ")";
        }
        if (takenBy.isPresent()) {
            return "not yet recorded: " + takenBy.get().name() + " passed this report on (record the reporter with REPORTER: Name <address>)";
        }
        return report.from().toString();
    }
}
