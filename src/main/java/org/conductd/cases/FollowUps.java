package org.conductd.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conductd.approval.Drafts;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.InboundMessage;
import org.conductd.mail.MailKind;
import org.conductd.outbound.TemplateId;
import org.conductd.store.AuthorRole;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.EventRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.Participant;
import org.conductd.store.OutboxRepository;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;

/**
 * Files a stored message in the case it threads into (SPEC §3.2, §3.3), in the caller's
 * transaction. What the reporter, the reported person or a new participant writes is
 * relayed to every responder who is not conflicted. Automatic mail is kept and never
 * relayed. A responder's mail goes to {@link ResponderMail} (commands and discussion).
 */
@Singleton
public final class FollowUps {

    private static final String ACTOR = CaseIntake.ACTOR_SYSTEM;
    private static final Duration APPEAL_NOTICE_EVERY = Duration.ofDays(1);

    private final Settings settings;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final CaseTeam team;
    private final EventRepository events;
    private final MessageRepository messages;
    private final CaseMail mail;
    private final ResponderMail responderMail;
    private final Drafts drafts;
    private final OutboxRepository outboxItems;
    private final Clock clock;

    public FollowUps(Settings settings, CaseRepository cases, ParticipantRepository participants,
                     CaseTeam team, EventRepository events, MessageRepository messages, CaseMail mail,
                     ResponderMail responderMail, Drafts drafts, OutboxRepository outboxItems, Clock clock) {
        this.outboxItems = outboxItems;
        this.responderMail = responderMail;
        this.drafts = drafts;
        this.settings = settings;
        this.cases = cases;
        this.participants = participants;
        this.team = team;
        this.events = events;
        this.messages = messages;
        this.mail = mail;
        this.clock = clock;
    }

    /** Files the stored message {@code row} in case {@code caseId}. */
    public void record(long caseId, long row, InboundMessage m, Optional<String> automatic) {
        Instant now = clock.instant();
        CaseRecord c = cases.findById(caseId).orElseThrow();
        Optional<TeamMember> member = settings.member(m.from());
        Optional<Participant> known = participants.findByCaseIdOrderById(caseId).stream()
                .filter(p -> m.from().address().equals(p.address()))
                .findFirst();
        AuthorRole role = member.isPresent() ? AuthorRole.RESPONDER
                : known.map(p -> AuthorRole.valueOf(p.role().name())).orElse(AuthorRole.WITNESS);
        String actor = member.map(t -> t.email().address()).orElse(role.name().toLowerCase());

        if (automatic.isPresent()) {
            messages.assign(row, caseId, role.name(), Disposition.AUTOMATIC.name(), automatic.get());
            events.save(new CaseEvent(null, caseId, now, actor, "automatic-mail", automatic.get(), row));
            return;
        }
        if (member.isPresent()) {
            responderMail.handle(c, member.get(), row, m);
            return;
        }
        messages.assign(row, caseId, role.name(), Disposition.FOLLOW_UP.name(), null);
        boolean newParticipant = known.isEmpty();
        if (newParticipant) {
            participants.save(new Participant(null, caseId, ParticipantRole.WITNESS, m.from().name(), m.from().address(), now));
            events.save(new CaseEvent(null, caseId, now, ACTOR, "participant-added",
                    "a new participant replied to case mail", row));
        }
        events.save(new CaseEvent(null, caseId, now, actor, "message", "message from " + describe(role), row));
        cases.touch(caseId, now);
        relay(c, m, role, newParticipant, row);
        // Once the outcome was sent to them, what the reported person writes is an appeal, or
        // close enough that the appeals contact the notice named should know of it.
        if (role == AuthorRole.REPORTED && drafts.outcomeSentTo(caseId, m.from().address())) {
            flagAppeal(c, m, row);
        }
    }

    /**
     * The appeals contact is told that an appeal arrived, without its content: this mail goes
     * outside the team without a second member, so it carries nothing of the case. The team
     * has the text by relay and decides what to share.
     */
    private void flagAppeal(CaseRecord c, InboundMessage m, long row) {
        String reportedLine = m.from().toString();
        // At most one notice a day per case: the reported person can write as often as they
        // like, and each notice leaves the team automatically.
        boolean toldToday = outboxItems.countForCaseToSince(c.id(), settings.appealsContact().address(),
                MailKind.ALERT.headerValue(), clock.instant().minus(APPEAL_NOTICE_EVERY)) > 0;
        events.save(new CaseEvent(null, c.id(), clock.instant(), "reported", "appeal",
                "the reported person wrote after the outcome; " + (toldToday
                        ? "the appeals contact was already told today" : "the appeals contact was told"), row));
        if (!toldToday) {
            mail.toPerson(c, settings.appealsContact(), TemplateId.APPEAL_NOTICE,
                    Map.of("reportedLine", reportedLine), null, List.of(), Map.of(), row);
        }
        for (TeamMember t : team.reachable(c.id())) {
            mail.toMember(c, t, TemplateId.APPEAL_ALERT, Map.of("reportedLine", reportedLine), row);
        }
    }

    private void relay(CaseRecord c, InboundMessage m, AuthorRole role, boolean newParticipant, long row) {
        CaseText.Files files = CaseText.files(m.attachments(), c.anonymous() && role == AuthorRole.REPORTER);
        Map<String, Object> model = new HashMap<>(files.model());
        model.put("authorRole", describe(role));
        model.put("authorLine", authorLine(c, m, role));
        model.put("newParticipant", newParticipant);
        model.put("receivedAt", CaseText.when(m.date() != null ? m.date() : clock.instant()));
        model.put("text", CaseText.shown(m.text()));
        List<TeamMember> recipients = team.reachable(c.id());
        for (TeamMember t : recipients) {
            mail.toMember(c, t, TemplateId.RELAY, model, files.attached(), row);
        }
        int relayed = recipients.size();
        events.save(new CaseEvent(null, c.id(), clock.instant(), ACTOR, "relayed",
                "passed on to " + relayed + " responders", row));
    }

    private static String describe(AuthorRole role) {
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
