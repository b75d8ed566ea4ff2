package org.conductd.compose;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conductd.cases.AnonymousReports;
import org.conductd.cases.CaseTeam;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MessageIdIssuer;
import org.conductd.mail.OutboundMessage;
import org.conductd.outbound.Outbox;
import org.conductd.outbound.RenderedMail;
import org.conductd.outbound.ReporterIdentities;
import org.conductd.outbound.TemplateModel;
import org.conductd.outbound.TemplateRenderer;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.HeldNotification;
import org.conductd.store.HeldNotificationRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;

/**
 * During a flood of reports (a spam wave, forged senders, an incident many people saw),
 * {@link org.conductd.casework.CaseIntake} holds the case notifications back; this sends each
 * responder one summary of the new cases at most every {@code flood.summary-every}, each case listed only
 * to the members it may reach, in the caller's transaction. It quotes no report: the
 * subject, shown as text, is the most a summary carries, and for an anonymous case not even
 * that names the reporter.
 */
@Singleton
public final class FloodSummaries {

    private static final int MAX_SUBJECT = 120;

    private final Settings settings;
    private final HeldNotificationRepository held;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final CaseTeam team;
    private final ReporterIdentities reporters;
    private final TemplateRenderer renderer;
    private final Outbox outbox;
    private final MessageIdIssuer ids;
    private final Clock clock;

    public FloodSummaries(Settings settings, HeldNotificationRepository held, CaseRepository cases,
                          ParticipantRepository participants, CaseTeam team, ReporterIdentities reporters,
                          TemplateRenderer renderer, Outbox outbox, MessageIdIssuer ids, Clock clock) {
        this.settings = settings;
        this.held = held;
        this.cases = cases;
        this.participants = participants;
        this.team = team;
        this.reporters = reporters;
        this.renderer = renderer;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** Sends the summaries if cases wait and the last summary is old enough; returns how many went out. */
    public int sendDue() {
        List<HeldNotification> waiting = held.findWaiting();
        Instant now = clock.instant();
        if (waiting.isEmpty() || held.findLastSummary().filter(last -> now.isBefore(
                last.plus(settings.floodSummaryEvery()))).isPresent()) {
            return 0;
        }
        List<CaseRecord> listed = waiting.stream().map(h -> cases.findById(h.caseId())).flatMap(java.util.Optional::stream)
                .toList();
        int sent = 0;
        for (TeamMember member : settings.team()) {
            List<TemplateModel.NewCase> visible = new ArrayList<>();
            for (CaseRecord c : listed) {
                if (!team.isConflicted(c.id(), member)) {
                    visible.add(new TemplateModel.NewCase(settings.caseTag(c.id()), c.codeName(),
                            CaseText.when(c.openedAt()), reporterLine(c), subjectOf(c)));
                }
            }
            if (!visible.isEmpty()) {
                send(member, visible);
                sent++;
            }
        }
        held.markSummarized(waiting.get(waiting.size() - 1).caseId(), now);
        return sent;
    }

    private void send(TeamMember member, List<TemplateModel.NewCase> visible) {
        TemplateModel summary = new TemplateModel.FloodSummary(settings.eventName(), settings.address().address(),
                visible.size(), settings.floodNewCasesPerHour(), visible);
        RenderedMail mail = renderer.render(summary);
        EmailAddress from = new EmailAddress(settings.eventName() + " Code of Conduct team", settings.address().address());
        outbox.queue(new OutboundMessage(summary.template().kind(), ids.forNoCase(), from, List.of(member.email()),
                settings.address(), mail.subject(), null, List.of(), Map.of("Auto-Submitted", "auto-generated"),
                mail.text(), mail.html()), null, member.email(), null);
    }

    private String reporterLine(CaseRecord c) {
        if (c.anonymous()) {
            return AnonymousReports.label(c.id());
        }
        if (c.takenBy() != null) {
            return "passed on by a team member";
        }
        return participants.findByCaseIdAndRole(c.id(), ParticipantRole.REPORTER).stream().findFirst()
                .map(Participant::address).orElse("unknown");
    }

    private String subjectOf(CaseRecord c) {
        String subject = c.subject() == null || c.subject().isBlank() ? "(no subject)" : c.subject();
        String shown = c.anonymous() ? reporters.scrubberFor(c).scrub(subject) : subject;
        return shown.length() > MAX_SUBJECT ? shown.substring(0, MAX_SUBJECT) + "…" : shown;
    }
}
