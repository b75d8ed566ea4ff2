package org.conductd.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.conductd.approval.Drafts;
import org.conductd.cases.CaseTeam;
import org.conductd.compose.CaseMail;
import org.conductd.compose.CaseText;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MailKind;
import org.conductd.outbound.AddressRedaction;
import org.conductd.outbound.DeliveryFailureListener;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;

/**
 * Mail that did not arrive, recorded on its case and reported to the responders it reaches
 * (SPEC §3.6): a bounce that comes back for a sent message, or a refusal at sending time.
 * The alert names who the mail was for by role ("the reporter"), never by address.
 *
 * <p>Two rules keep alerts from feeding on themselves: the responder whose mail failed is
 * not sent the alert (it would fail too), and a failed alert to a responder is reported only
 * if it is the first failure for that responder in the case, so that alerts cannot go round
 * between two broken addresses. Nothing is ever sent to whoever sent the bounce.
 */
@Singleton
public final class DeliveryFailures implements DeliveryFailureListener {


    /** What each kind of mail is called in an alert. */
    private static final Map<MailKind, String> KIND_NAMES = Map.ofEntries(
            Map.entry(MailKind.ACK, "acknowledgement"),
            Map.entry(MailKind.CASE_NOTIFICATION, "case notification"),
            Map.entry(MailKind.RELAY, "relayed message"),
            Map.entry(MailKind.APPROVAL_REQUEST, "approval request"),
            Map.entry(MailKind.TRANSCRIPT, "reply to a command"),
            Map.entry(MailKind.COMMAND_ERROR, "reply to a command"),
            Map.entry(MailKind.REFUSAL, "refusal"),
            Map.entry(MailKind.NOTICE, "notice"),
            Map.entry(MailKind.DSF_REPORT, "DSF report"),
            Map.entry(MailKind.DIGEST, "digest"),
            Map.entry(MailKind.REMINDER, "reminder"),
            Map.entry(MailKind.ALERT, "alert"),
            Map.entry(MailKind.QUARANTINE_NOTICE, "quarantine notice"));

    private final Settings settings;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final CaseTeam team;
    private final CaseMail mail;
    private final OutboxRepository outbox;
    private final MessageRepository messages;
    private final EventRepository events;
    private final Drafts drafts;
    private final Clock clock;

    public DeliveryFailures(Settings settings, CaseRepository cases, ParticipantRepository participants, CaseTeam team,
                            CaseMail mail, OutboxRepository outbox, MessageRepository messages, EventRepository events,
                            Drafts drafts, Clock clock) {
        this.drafts = drafts;
        this.settings = settings;
        this.cases = cases;
        this.participants = participants;
        this.team = team;
        this.mail = mail;
        this.outbox = outbox;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A bounce for a sent message, stored as {@code bounceRow}: filed with the message's case
     * and reported. A second bounce for the same message is filed too, and reported to nobody.
     */
    public void bounced(OutboxItem item, long bounceRow, String status, String diagnostic) {
        Instant now = clock.instant();
        String detail = AddressRedaction.forTheRecord(String.join(" ", status, diagnostic).strip());
        // A status without a code is the report's own words, which may quote the Message-ID.
        String shownStatus = status.isBlank() ? "" : AddressRedaction.forTheRecord(status);
        messages.assign(bounceRow, item.caseId(), null, Disposition.BOUNCE, null);
        if (outbox.markBounced(item.id(), now, detail) == 0) {
            events.save(new CaseEvent(null, item.caseId(), now, Actor.CONDUCTD, EventKind.BOUNCE_RECEIVED,
                    "another delivery report for " + describe(item) + ", which had already bounced", bounceRow));
            return;
        }
        events.save(new CaseEvent(null, item.caseId(), now, Actor.CONDUCTD, EventKind.BOUNCED,
                describe(item) + " bounced" + (shownStatus.isEmpty() ? "" : " (" + shownStatus + ")"), bounceRow));
        deliveryFailed(item, new Failure(shownStatus, AddressRedaction.forTheRecord(diagnostic), now, bounceRow));
    }

    /** A report that delivery of a sent message is delayed and still being tried: recorded, nobody alerted. */
    public void delayed(OutboxItem item, long bounceRow, String status) {
        noted(item, bounceRow, EventKind.DELIVERY_DELAYED, describe(item) + " is delayed", status);
    }

    /** A report that says a sent message was delivered after all (a success notice): recorded, nobody alerted. */
    public void delivered(OutboxItem item, long bounceRow, String status) {
        noted(item, bounceRow, EventKind.DELIVERY_REPORTED, describe(item) + " was reported delivered", status);
    }

    /** Alerts the responders the case reaches; mail about no case is recorded on the message alone. */
    @Override
    public void deliveryFailed(OutboxItem item, Failure failure) {
        if (item.caseId() == null) {
            return;
        }
        if (isAlertToResponderThatFailedBefore(item)) {
            events.save(new CaseEvent(null, item.caseId(), failure.at(), Actor.CONDUCTD, EventKind.DELIVERY_FAILURE_NOT_ALERTED,
                    "mail to " + recipientLine(item) + " had failed before in this case; no new alert", failure.reportRow()));
            return;
        }
        CaseRecord c = cases.findById(item.caseId()).orElseThrow();
        TemplateModel.DeliveryFailure model = new TemplateModel.DeliveryFailure(kindName(item), recipientLine(item),
                failure.status().isBlank() ? "none given" : failure.status(),
                failure.detail().isBlank() ? "nothing" : AddressRedaction.forTheRecord(failure.detail()),
                CaseText.when(failure.at()));
        for (TeamMember m : team.reachable(c.id())) {
            if (!m.email().address().equals(item.member())) {
                mail.toMember(c, m, model, failure.reportRow());
            }
        }
    }

    private void noted(OutboxItem item, long bounceRow, EventKind kind, String what, String status) {
        messages.assign(bounceRow, item.caseId(), null, Disposition.BOUNCE, null);
        events.save(new CaseEvent(null, item.caseId(), clock.instant(), Actor.CONDUCTD, kind,
                what + (status.isBlank() ? "" : " (" + AddressRedaction.forTheRecord(status) + ")"), bounceRow));
    }

    private boolean isAlertToResponderThatFailedBefore(OutboxItem item) {
        return item.member() != null && item.kind() == MailKind.ALERT
                && outbox.failedBeforeToMember(item.caseId(), item.member(), item.id());
    }

    /** "the acknowledgement to the reporter", and the draft it was sent as, if any. */
    @Override
    public String describe(OutboxItem item) {
        String ofDraft = drafts.ofMessage(item.messageId()).map(d -> ", sent as " + d.label()).orElse("");
        return "the " + kindName(item) + " to " + recipientLine(item) + ofDraft;
    }

    private static String kindName(OutboxItem item) {
        for (MailKind kind : MailKind.values()) {
            if (kind == item.kind()) {
                return KIND_NAMES.get(kind);
            }
        }
        return "message";
    }

    /** Who the mail was for, as the team may read it: a role, or a responder's name; never an address. */
    private String recipientLine(OutboxItem item) {
        EmailAddress to = EmailAddress.of(item.recipient());
        if (item.member() != null) {
            return settings.member(EmailAddress.of(item.member())).map(TeamMember::name).orElse("a former team member");
        }
        if (to.sameAddress(settings.dsfAddress())) {
            return "the DSF";
        }
        if (to.sameAddress(settings.appealsContact())) {
            return "the appeals contact";
        }
        if (settings.organizers().stream().anyMatch(to::sameAddress)) {
            return "an organizer";
        }
        if (item.caseId() != null) {
            List<Participant> people = participants.findByCaseIdOrderById(item.caseId());
            for (Participant p : people) {
                if (p.address() != null && to.sameAddress(EmailAddress.of(p.address()))) {
                    return switch (p.role()) {
                        case REPORTER -> "the reporter";
                        case REPORTED -> "the reported person";
                        case WITNESS -> "a witness";
                    };
                }
            }
        }
        return "someone outside the team";
    }
}
