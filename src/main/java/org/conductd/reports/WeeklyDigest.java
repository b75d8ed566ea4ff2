package org.conductd.reports;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MessageIdIssuer;
import org.conductd.mail.OutboundMessage;
import org.conductd.outbound.Outbox;
import org.conductd.outbound.RenderedMail;
import org.conductd.outbound.TemplateModel;
import org.conductd.outbound.TemplateRenderer;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.DigestRecord;
import org.conductd.store.DigestRepository;
import org.conductd.store.Draft;
import org.conductd.store.DraftKind;
import org.conductd.store.DraftRepository;
import org.conductd.store.DraftState;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.LastAction;
import org.conductd.text.TimeText;

/**
 * The weekly digest to the organizers (SPEC §3.8): counts for the seven days before it, each
 * case not yet closed, and what is overdue. It uses case numbers, code names and team
 * members' names only: no reporter or reported person, no report text. Each scheduled
 * digest is sent once, whichever process gets there first, and one missed while the daemon
 * was down goes out when it runs again.
 */
@Singleton
public final class WeeklyDigest {

    static final Duration PERIOD = Duration.ofDays(7);
    private static final String BASELINE = "baseline";
    static final Duration FIRST_REPLY = Duration.ofHours(24);
    static final Duration APPROVAL_WAIT = Duration.ofHours(48);

    private final Settings settings;
    private final TransactionOperations<Connection> tx;
    private final CaseRepository cases;
    private final DraftRepository drafts;
    private final EventRepository events;
    private final DigestRepository digests;
    private final TemplateRenderer renderer;
    private final Outbox outbox;
    private final MessageIdIssuer ids;
    private final DigestSchedule schedule;

    public WeeklyDigest(Settings settings, TransactionOperations<Connection> tx, CaseRepository cases,
                        DraftRepository drafts, EventRepository events, DigestRepository digests,
                        TemplateRenderer renderer, Outbox outbox, MessageIdIssuer ids) {
        this.settings = settings;
        this.tx = tx;
        this.cases = cases;
        this.drafts = drafts;
        this.events = events;
        this.digests = digests;
        this.renderer = renderer;
        this.outbox = outbox;
        this.ids = ids;
        this.schedule = new DigestSchedule(settings.digestCron(), settings.digestZone());
    }

    /**
     * At start-up: sends a digest missed while the daemon was down. On the very first start
     * nothing was missed, so the latest scheduled time is only recorded as the starting point.
     */
    public boolean catchUp(Instant now) {
        Optional<Instant> due = schedule.lastDue(now);
        if (due.isEmpty()) {
            return false;
        }
        boolean firstStart = tx.executeRead(status -> digests.count() == 0);
        if (firstStart) {
            tx.executeWrite(status -> digests.save(new DigestRecord(null, due.get(), now, BASELINE)));
            return false;
        }
        return sendIfDue(now);
    }

    /** Queues the digest due at or before {@code now} unless it went out already; true if it queued one. */
    public boolean sendIfDue(Instant now) {
        Optional<Instant> due = schedule.lastDue(now);
        return due.isPresent() && queue(due.get(), now, "schedule", now).isPresent();
    }

    /**
     * Queues a digest now ({@code digest --send}) and returns its outbox rows, for the command
     * to deliver itself. If the latest scheduled digest has not gone out, this one stands for
     * it, so it is not sent again; otherwise it is an extra digest. The rows wait half an hour
     * before the daemon's sender would touch them, so they are not sent twice.
     */
    public List<Long> queueNow(Instant now) {
        Instant notBefore = now.plus(Duration.ofMinutes(30));
        Optional<Instant> due = schedule.lastDue(now);
        if (due.isPresent()) {
            Optional<List<Long>> standsForPeriod = queue(due.get(), now, "manual", notBefore);
            if (standsForPeriod.isPresent()) {
                return standsForPeriod.get();
            }
        }
        return queue(now, now, "manual", notBefore).orElse(List.of());
    }

    /** The digest's text, for a look before sending it. */
    public String preview(Instant now) {
        return renderer.render(tx.executeRead(status -> model(now))).text();
    }

    private Optional<List<Long>> queue(Instant scheduledFor, Instant now, String trigger, Instant notBefore) {
        return tx.executeWrite(status -> {
            Optional<DigestRecord> existing = digests.findByScheduledFor(scheduledFor);
            if (existing.isPresent() && !existing.get().triggerKind().equals(BASELINE)) {
                return Optional.<List<Long>>empty();
            }
            // A first start's starting point is no digest: one asked for by hand still goes out.
            existing.ifPresent(digests::delete);
            digests.save(new DigestRecord(null, scheduledFor, now, trigger));
            TemplateModel.Digest digest = model(now);
            RenderedMail mail = renderer.render(digest);
            EmailAddress from = new EmailAddress(settings.eventName() + " Code of Conduct team", settings.address().address());
            List<Long> queued = new ArrayList<>();
            for (EmailAddress organizer : settings.organizers()) {
                queued.add(outbox.queue(new OutboundMessage(digest.template().kind(), ids.forNoCase(), from, List.of(organizer),
                        settings.address(), mail.subject(), null, List.of(), Map.of("Auto-Submitted", "auto-generated"),
                        mail.text(), mail.html()), null, null, null, notBefore).id());
            }
            return Optional.of(queued);
        });
    }

    /** The digest's values; public for the tests that check what it shows and what it never shows. */
    public TemplateModel.Digest model(Instant now) {
        Instant since = now.minus(PERIOD);
        List<CaseRecord> all = cases.findAllOrderById();
        Map<Long, Instant> lastAction = events.findLastHumanActions().stream()
                .collect(Collectors.toMap(LastAction::caseId, LastAction::at));
        Map<Long, List<Draft>> pending = drafts.findByState(DraftState.PENDING).stream()
                .collect(Collectors.groupingBy(Draft::caseId));
        long resolved = drafts.findByState(DraftState.SENT).stream()
                .filter(d -> d.kind() == DraftKind.RESOLUTION && d.decidedAt() != null && d.decidedAt().isAfter(since))
                .map(Draft::caseId).distinct().count();

        List<TemplateModel.OpenCase> open = new ArrayList<>();
        List<TemplateModel.Line> overdue = new ArrayList<>();
        for (CaseRecord c : all) {
            if (c.state() == CaseState.CLOSED) {
                continue;
            }
            Instant last = lastAction.getOrDefault(c.id(), c.openedAt());
            List<Draft> waiting = pending.getOrDefault(c.id(), List.of());
            open.add(new TemplateModel.OpenCase(c.id(), c.codeName(), c.state().name().toLowerCase(Locale.ROOT),
                    c.severity() == null ? "not set" : c.severity().label(),
                    c.lead() == null ? "nobody" : nameOf(c.lead()), days(c.openedAt(), now), days(last, now),
                    waiting.size()));
            if (!lastAction.containsKey(c.id()) && c.openedAt().isBefore(now.minus(FIRST_REPLY))) {
                overdue.add(line("case " + c.id() + " (" + c.codeName() + "): no reply from the team within 24 hours"));
            }
            for (Draft d : waiting) {
                if (d.createdAt().isBefore(now.minus(APPROVAL_WAIT))) {
                    overdue.add(line("case " + c.id() + " (" + c.codeName() + "): " + d.label() + " has waited "
                            + days(d.createdAt(), now) + " days for approval"));
                }
            }
        }
        for (CaseEvent e : events.findKindsSince(List.of(EventKind.SEND_NOW, EventKind.BOUNCED), since)) {
            CaseRecord c = all.stream().filter(x -> x.id().equals(e.caseId())).findFirst().orElse(null);
            String which = c == null ? "a case" : "case " + c.id() + " (" + c.codeName() + ")";
            overdue.add(line(e.kind() == EventKind.SEND_NOW
                    ? which + ": mail was sent with SEND-NOW, without a second member"
                    : which + ": mail to someone outside the team bounced"));
        }
        return new TemplateModel.Digest(settings.eventName(), TimeText.day(since, zone()), TimeText.day(now, zone()),
                all.stream().filter(c -> c.openedAt().isAfter(since)).count(), open.size(), resolved,
                all.stream().filter(c -> c.closedAt() != null && c.closedAt().isAfter(since)).count(), overdue, open);
    }

    private ZoneId zone() {
        return settings.digestZone();
    }

    private static TemplateModel.Line line(String text) {
        return new TemplateModel.Line(text);
    }

    private static long days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }

    private String nameOf(String rosterAddress) {
        return settings.member(EmailAddress.of(rosterAddress)).map(TeamMember::name).orElse("a former member");
    }
}
