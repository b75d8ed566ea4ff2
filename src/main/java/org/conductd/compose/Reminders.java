package org.conductd.compose;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.conductd.cases.CaseTeam;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.MailKind;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.Draft;
import org.conductd.store.DraftRepository;
import org.conductd.store.DraftState;
import org.conductd.store.EventRepository;
import org.conductd.store.LastAction;
import org.conductd.store.OutboxRepository;

/**
 * Nudges the team about a case nobody has acted on for {@code reminders.idle-after}, or
 * whose drafts have waited a day for approval: one reminder a day per case at most, to the
 * members the case reaches. Reminders name the case by number and code name.
 */
@Singleton
public final class Reminders {

    private static final Duration ONCE_PER = Duration.ofDays(1);
    private static final Duration DRAFT_WAIT = Duration.ofDays(1);

    private final Settings settings;
    private final CaseRepository cases;
    private final EventRepository events;
    private final DraftRepository drafts;
    private final OutboxRepository outbox;
    private final CaseTeam team;
    private final CaseMail mail;
    private final Clock clock;

    public Reminders(Settings settings, CaseRepository cases, EventRepository events, DraftRepository drafts,
                     OutboxRepository outbox, CaseTeam team, CaseMail mail, Clock clock) {
        this.settings = settings;
        this.cases = cases;
        this.events = events;
        this.drafts = drafts;
        this.outbox = outbox;
        this.team = team;
        this.mail = mail;
        this.clock = clock;
    }

    /** Queues the reminders due now, in the caller's transaction; returns how many cases were nudged. */
    public int sendDue() {
        Instant now = clock.instant();
        Map<Long, Instant> lastAction = events.findLastHumanActions().stream()
                .collect(Collectors.toMap(LastAction::caseId, LastAction::at));
        Map<Long, List<Draft>> waiting = drafts.findByState(DraftState.PENDING).stream()
                .filter(d -> d.createdAt().isBefore(now.minus(DRAFT_WAIT)))
                .collect(Collectors.groupingBy(Draft::caseId));
        int nudged = 0;
        for (CaseRecord c : cases.findAllOrderById()) {
            // A resolved case waits only for CLOSE; nudging about it every day would be noise.
            if (c.state() != CaseState.OPEN) {
                continue;
            }
            Instant last = lastAction.getOrDefault(c.id(), c.openedAt());
            boolean idle = last.isBefore(now.minus(settings.reminderIdleAfter()));
            List<Draft> drafts = waiting.getOrDefault(c.id(), List.of());
            if ((!idle && drafts.isEmpty())
                    || outbox.countForCaseSince(c.id(), MailKind.REMINDER, now.minus(ONCE_PER)) > 0) {
                continue;
            }
            List<TemplateModel.WaitingDraft> listed = new ArrayList<>();
            for (Draft d : drafts) {
                listed.add(new TemplateModel.WaitingDraft(d.label(), d.kind().description(),
                        Math.max(1, Duration.between(d.createdAt(), now).toDays())));
            }
            TemplateModel.Reminder model = new TemplateModel.Reminder(idle,
                    Math.max(1, Duration.between(last, now).toDays()), listed);
            for (TeamMember m : team.reachable(c.id())) {
                mail.toMember(c, m, model, null);
            }
            nudged++;
        }
        return nudged;
    }
}
