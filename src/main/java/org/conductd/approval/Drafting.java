package org.conductd.approval;

import com.google.re2j.Pattern;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conductd.cases.CaseTeam;
import org.conductd.commands.Recipient;
import org.conductd.compose.CaseMail;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MailKind;
import org.conductd.outbound.RenderedMail;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.Draft;
import org.conductd.store.DraftKind;
import org.conductd.store.DraftMessage;
import org.conductd.store.DraftRepository;
import org.conductd.store.DraftState;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;
import org.conductd.store.StoredMessage;

/**
 * Turns REPLY, RESOLVE and DSF-REPORT into drafts whose messages are rendered at once, so
 * that the approval request shows exactly what will be sent, to whom (SPEC §3.5); asks every
 * other reachable responder to approve; and, once approved (or overridden with SEND-NOW),
 * sends those very messages and records what they mean for the case.
 */
@Singleton
public final class Drafting {

    static final String ROLE_REPORTER = "REPORTER";
    static final String ROLE_REPORTED = "REPORTED";
    static final String ROLE_DSF = "DSF";
    private static final Pattern APOLOGY = Pattern.compile("(?i)^apology:[\\t\\n\\x0B\\f\\r ]*");
    /** A blank line, white space included: where one paragraph ends and the next begins. */
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[\\t\\n\\x0B\\f\\r ]*\\n");

    private final Settings settings;
    private final Drafts drafts;
    private final DraftRepository draftRows;
    private final CaseMail mail;
    private final CaseTeam team;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final MessageRepository messages;
    private final EventRepository events;
    private final Clock clock;

    public Drafting(Settings settings, Drafts drafts, DraftRepository draftRows, CaseMail mail, CaseTeam team,
                    CaseRepository cases, ParticipantRepository participants, MessageRepository messages,
                    EventRepository events, Clock clock) {
        this.settings = settings;
        this.drafts = drafts;
        this.draftRows = draftRows;
        this.mail = mail;
        this.team = team;
        this.cases = cases;
        this.participants = participants;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** The reporter or reported person mail can go to, if one with an address is recorded. */
    public Optional<Participant> addressee(long caseId, Recipient to) {
        ParticipantRole role = to == Recipient.REPORTER ? ParticipantRole.REPORTER : ParticipantRole.REPORTED;
        return participants.findByCaseIdAndRole(caseId, role).stream().filter(p -> p.address() != null).findFirst();
    }

    public Draft draftReply(CaseRecord c, TeamMember author, Recipient to, String body, long row) {
        Participant person = addressee(c.id(), to).orElseThrow();
        DraftMessage message;
        if (to == Recipient.REPORTER) {
            message = render(c, ROLE_REPORTER, person, reportId(c),
                    new TemplateModel.ReplyReporter(originalSubject(c), body));
        } else {
            boolean firstContact = !hasWrittenToReported(c);
            message = render(c, ROLE_REPORTED, person, null, firstContact
                    ? new TemplateModel.ComplaintNotice(person.name() == null ? "" : person.name(), body)
                    : new TemplateModel.ReplyReported(body));
        }
        DraftKind kind = to == Recipient.REPORTER ? DraftKind.REPLY_REPORTER : DraftKind.REPLY_REPORTED;
        return drafts.create(c.id(), kind, author.email().address(), null, List.of(message), row);
    }

    public Draft draftResolution(CaseRecord c, TeamMember author, String resolution, String explanation, long row) {
        String[] parts = splitApology(explanation);
        String description = settings.resolutionDescriptions().getOrDefault(resolution, resolution.replace('-', ' '));
        List<DraftMessage> content = new ArrayList<>();
        addressee(c.id(), Recipient.REPORTER).ifPresent(reporter -> content.add(render(c, ROLE_REPORTER, reporter,
                reportId(c), new TemplateModel.ResolutionReporter(originalSubject(c), description, parts[0], parts[1]))));
        addressee(c.id(), Recipient.REPORTED).ifPresent(reported -> content.add(render(c, ROLE_REPORTED, reported,
                null, new TemplateModel.ResolutionReported(reported.name() == null ? "" : reported.name(), description,
                        parts[0], settings.appealsContact().address()))));
        return drafts.create(c.id(), DraftKind.RESOLUTION, author.email().address(), resolution, content, row);
    }

    public Draft draftDsfReport(CaseRecord c, TeamMember author, String narrative, long row) {
        String what = !narrative.isBlank() ? narrative : c.summary() != null ? c.summary() : "Not recorded.";
        String actions = c.resolution() == null ? "No resolution has been decided yet."
                : settings.resolutionDescriptions().getOrDefault(c.resolution(), c.resolution());
        DraftMessage message = render(c, ROLE_DSF, "DSF Code of Conduct committee", settings.dsfAddress().address(),
                null, new TemplateModel.DsfReport(c.incidentWhen() == null ? "not recorded" : c.incidentWhen(),
                        c.incidentWhere() == null ? "not recorded" : c.incidentWhere(), what, actions));
        return drafts.create(c.id(), DraftKind.DSF_REPORT, author.email().address(), null, List.of(message), row);
    }

    /** Every reachable responder but the author gets the exact messages and how to approve or reject. */
    public void requestApprovals(CaseRecord c, Draft draft, TeamMember author, long row) {
        List<TemplateModel.DraftedMessage> shown = new ArrayList<>();
        for (DraftMessage m : drafts.messages(draft)) {
            shown.add(new TemplateModel.DraftedMessage(recipientLine(c, m), m.subject(), m.textBody()));
        }
        TemplateModel.ApprovalRequest model = new TemplateModel.ApprovalRequest(draft.label(), author.name(),
                draft.kind().description(), shown, settings.approvalsRequired());
        for (TeamMember m : team.reachable(c.id())) {
            if (!m.equals(author)) {
                OutboxItem request = mail.toMember(c, m, model, row);
                drafts.requestSent(request.messageId(), draft, m.email().address());
            }
        }
    }

    /** Sends the draft's messages exactly as approved and records what that means for the case; returns how many. */
    public int send(CaseRecord c, Draft draft, String by, String note, long row) {
        List<DraftMessage> content = drafts.messages(draft);
        for (DraftMessage m : content) {
            MailKind kind = ROLE_DSF.equals(m.recipientRole()) ? MailKind.DSF_REPORT : MailKind.NOTICE;
            List<String> references = m.inReplyTo() == null ? List.of() : List.of(m.inReplyTo());
            // Written and approved by people: not an automatic message.
            mail.send(c, new EmailAddress(m.recipientName(), m.recipient()), null, m.messageId(), kind,
                    new RenderedMail(m.subject(), m.textBody(), m.htmlBody()), m.inReplyTo(), references,
                    Map.of("Auto-Submitted", "no"), List.of(), row);
        }
        drafts.sent(draft, by, note);
        if (draft.kind() == DraftKind.RESOLUTION) {
            cases.resolve(c.id(), draft.resolution());
        } else if (draft.kind() == DraftKind.DSF_REPORT) {
            cases.reportedToDsf(c.id(), clock.instant());
        }
        events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.of(by), EventKind.SENT, draft.label() + ": "
                + draft.kind().description() + (note == null ? "" : " (" + note + ")"), row));
        return content.size();
    }

    /** The author and every approver learn that the draft went out, and to whom. */
    public void tellSent(CaseRecord c, Draft draft, long row) {
        List<String> approvers = drafts.approvers(draft);
        List<String> approverNames = approvers.stream().map(this::nameOf).toList();
        StringBuilder recipients = new StringBuilder();
        for (DraftMessage m : drafts.messages(draft)) {
            recipients.append(recipients.length() == 0 ? "" : "; ").append(recipientLine(c, m));
        }
        TemplateModel.DraftSent model = new TemplateModel.DraftSent(draft.label(), draft.kind().description(),
                String.join(", ", approverNames),
                recipients.length() == 0 ? "nobody: no address is recorded" : recipients.toString());
        List<String> told = new ArrayList<>(approvers);
        told.add(0, draft.author());
        for (TeamMember m : team.reachable(c.id())) {
            if (told.contains(m.email().address())) {
                mail.toMember(c, m, model, row);
            }
        }
    }

    public void tellRejected(CaseRecord c, Draft draft, TeamMember rejecter, String reason, long row) {
        for (TeamMember m : team.reachable(c.id())) {
            if (m.email().address().equals(draft.author())) {
                mail.toMember(c, m, new TemplateModel.DraftRejected(draft.label(), draft.kind().description(),
                        rejecter.name(), reason), row);
            }
        }
    }

    /** SEND-NOW is always loud: every reachable responder and every organizer is told at once. */
    public void alertSendNow(CaseRecord c, Draft draft, TeamMember actor, String reason, long row) {
        String label = draft.label();
        String what = draft.kind().description();
        for (TeamMember m : team.reachable(c.id())) {
            mail.toMember(c, m, new TemplateModel.SendNowAlert(label, what, actor.name(), reason, true, false), row);
        }
        // Members declared conflicted by another member hear of it too, without content: a
        // member who declared everyone else conflicted cannot SEND-NOW unseen (SPEC §3.3).
        TemplateModel.SendNowAlert forConflicted = new TemplateModel.SendNowAlert(label, what, actor.name(), reason,
                false, true);
        for (TeamMember m : team.declaredByOthers(c.id())) {
            mail.contentFreeToMember(c, m, forConflicted, row);
        }
        TemplateModel.SendNowAlert forOrganizers = new TemplateModel.SendNowAlert(label, what, actor.name(), reason,
                false, false);
        for (EmailAddress organizer : settings.organizers()) {
            mail.toPerson(c, organizer, forOrganizers, row);
        }
    }

    private DraftMessage render(CaseRecord c, String role, Participant to, String inReplyTo,
                                TemplateModel.AboutCase model) {
        return render(c, role, to.name(), to.address(), inReplyTo, model);
    }

    private DraftMessage render(CaseRecord c, String role, String name, String address, String inReplyTo,
                                TemplateModel.AboutCase model) {
        RenderedMail rendered = mail.render(c, model);
        return new DraftMessage(null, 0, role, address, name, mail.newMessageId(c), inReplyTo,
                rendered.subject(), rendered.text(), rendered.html());
    }

    /** How a recipient is shown to the team: an anonymous reporter never by name or address. */
    private String recipientLine(CaseRecord c, DraftMessage m) {
        if (ROLE_REPORTER.equals(m.recipientRole())) {
            return c.anonymous() ? "the reporter (anonymous)" : "the reporter, " + person(m);
        }
        if (ROLE_REPORTED.equals(m.recipientRole())) {
            return "the reported person, " + person(m);
        }
        return "the DSF conduct committee, " + m.recipient();
    }

    private static String person(DraftMessage m) {
        return m.recipientName() == null ? m.recipient() : m.recipientName() + " <" + m.recipient() + ">";
    }

    private boolean hasWrittenToReported(CaseRecord c) {
        return draftRows.findByCaseIdOrderById(c.id()).stream()
                .filter(d -> d.state() == DraftState.SENT)
                .anyMatch(d -> drafts.messages(d).stream().anyMatch(m -> ROLE_REPORTED.equals(m.recipientRole())));
    }

    /** The Message-ID of the report, so the reporter's client shows the answer in its thread. */
    private String reportId(CaseRecord c) {
        return messages.findByCaseIdOrderById(c.id()).stream()
                .filter(m -> m.disposition() == Disposition.REPORT)
                .map(StoredMessage::messageId).filter(id -> id != null).findFirst().orElse(null);
    }

    private static String originalSubject(CaseRecord c) {
        return c.subject() == null || c.subject().isBlank() ? "your report" : c.subject();
    }

    /** Paragraphs starting "Apology:" go to the notice's apology slot, the rest is the explanation. */
    static String[] splitApology(String explanation) {
        StringBuilder kept = new StringBuilder();
        StringBuilder apology = new StringBuilder();
        for (String paragraph : PARAGRAPH_BREAK.split(explanation)) {
            StringBuilder target = APOLOGY.matcher(paragraph.strip()).lookingAt() ? apology : kept;
            String text = APOLOGY.matcher(paragraph.strip()).replaceFirst("");
            if (!text.isBlank()) {
                target.append(target.length() == 0 ? "" : "\n\n").append(text);
            }
        }
        return new String[] {kept.toString(), apology.toString()};
    }

    private String nameOf(String rosterAddress) {
        return settings.member(EmailAddress.of(rosterAddress)).map(TeamMember::name).orElse(rosterAddress);
    }
}
