package org.conductd.compose;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.Attachment;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.InboundMessage;
import org.conductd.mail.MailKind;
import org.conductd.mail.MessageIdIssuer;
import org.conductd.mail.OutboundMessage;
import org.conductd.mail.SecretKeys;
import org.conductd.outbound.Outbox;
import org.conductd.outbound.RenderedMail;
import org.conductd.outbound.ReporterIdentities;
import org.conductd.outbound.ReporterScrubber;
import org.conductd.outbound.TemplateModel;
import org.conductd.outbound.TemplateRenderer;
import org.conductd.outbound.ThreadIndex;
import org.conductd.store.CaseRecord;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;

/**
 * Writes the mail a case causes: renders a template with the case's common values, gives
 * each message its Message-ID (a member's carries their token), threads it for mail
 * clients, and queues it in the outbox of the current transaction.
 *
 * <p>Every mail about a case is rendered here, so this is where an anonymous reporter is
 * taken out of it: in an anonymous case each text of the model, in its rows too (report
 * text, relayed replies with their quoted header blocks, subjects, file names, the case
 * record, drafts), and each attached file's name has the reporter's names and addresses
 * replaced, on the renderer's one walk through the model. Drafts are rendered here too, so
 * what approvers see is what is sent.
 */
@Singleton
public final class CaseMail {

    private final Settings settings;
    private final TemplateRenderer renderer;
    private final Outbox outbox;
    private final OutboxRepository outboxItems;
    private final MessageIdIssuer ids;
    private final ReporterIdentities reporters;
    private final Clock clock;
    private final byte[] threadIndexKey;

    public CaseMail(Settings settings, TemplateRenderer renderer, Outbox outbox, OutboxRepository outboxItems,
                    MessageIdIssuer ids, ReporterIdentities reporters, Clock clock) {
        this.settings = settings;
        this.reporters = reporters;
        this.renderer = renderer;
        this.outbox = outbox;
        this.outboxItems = outboxItems;
        this.ids = ids;
        this.clock = clock;
        this.threadIndexKey = SecretKeys.derive(settings.tokenSecret(), SecretKeys.Use.THREAD_INDEX);
    }

    /**
     * Mail to a responder about a case. Its Message-ID carries the member's token, and it
     * threads under the first mail the member got about the case.
     */
    public OutboxItem toMember(CaseRecord c, TeamMember member, TemplateModel.AboutCase model, Long cause) {
        return toMember(c, member, model, List.of(), cause);
    }

    /** As {@link #toMember(CaseRecord, TeamMember, TemplateModel.AboutCase, Long)}, with files attached. */
    public OutboxItem toMember(CaseRecord c, TeamMember member, TemplateModel.AboutCase model, List<Attachment> files,
                               Long cause) {
        List<String> references = new ArrayList<>();
        outboxItems.findFirstMessageIdToMember(c.id(), member.email().address()).ifPresent(references::add);
        return toMember(c, member, model, files, references, cause, false);
    }

    /**
     * The first mail a member gets about a case just opened: it starts the member's thread,
     * so there is nothing to look up for it to answer.
     */
    public OutboxItem firstToMember(CaseRecord c, TeamMember member, TemplateModel.AboutCase model,
                                    List<Attachment> files, Long cause) {
        return toMember(c, member, model, files, List.of(), cause, false);
    }

    /**
     * A content-free notice to a member that reaches them even while they are conflicted in
     * the case (that another member declared them conflicted, a SEND-NOW): so that no member
     * can be silently kept out. The template must carry nothing of the case but its number
     * and code name.
     */
    public OutboxItem contentFreeToMember(CaseRecord c, TeamMember member, TemplateModel.AboutCase model, Long cause) {
        return toMember(c, member, model, List.of(), List.of(), cause, true);
    }

    private OutboxItem toMember(CaseRecord c, TeamMember member, TemplateModel.AboutCase model, List<Attachment> files,
                                List<String> references, Long cause, boolean forConflicted) {
        return queue(c, member.email(), member, ids.forMember(c.id(), member.email()), model,
                references.isEmpty() ? null : references.get(0), references, Map.of(), files, cause, forConflicted);
    }

    /** New mail about a case to someone who is not on the roster (an organizer, the appeals contact). */
    public OutboxItem toPerson(CaseRecord c, EmailAddress to, TemplateModel.AboutCase model, Long cause) {
        return queue(c, to, null, ids.forCase(c.id()), model, null, List.of(), Map.of(), List.of(), cause, false);
    }

    /**
     * An automatic answer to someone's message (a reporter's acknowledgement): threaded under
     * it, and marked {@code Auto-Submitted: auto-replied} so that no well-behaved
     * autoresponder answers it in turn.
     */
    public OutboxItem autoReply(CaseRecord c, InboundMessage answered, TemplateModel.AboutCase model, Long cause) {
        List<String> references = new ArrayList<>(answered.references());
        if (answered.messageId() != null && !references.contains(answered.messageId())) {
            references.add(answered.messageId());
        }
        return queue(c, answered.from(), null, ids.forCase(c.id()), model, answered.messageId(), references,
                Map.of("Auto-Submitted", "auto-replied"), List.of(), cause, false);
    }

    /** @param member the roster member it goes to, or null */
    private OutboxItem queue(CaseRecord c, EmailAddress to, TeamMember member, String messageId,
                             TemplateModel.AboutCase model, String inReplyTo, List<String> references,
                             Map<String, String> headers, List<Attachment> files, Long cause, boolean forConflicted) {
        ReporterScrubber scrubber = reporters.scrubberFor(c);
        List<Attachment> shownFiles = scrubber.scrubsNothing() ? files : files.stream()
                .map(a -> new Attachment(scrubber.scrub(a.fileName()), a.contentType(), a.content())).toList();
        return send(c, to, member == null ? null : member.email(), messageId, model.template().kind(),
                render(c, model, member, scrubber), inReplyTo, references, headers, shownFiles, cause, forConflicted);
    }

    /** Renders a template with the case's common values, without sending anything. */
    public RenderedMail render(CaseRecord c, TemplateModel.AboutCase model) {
        return render(c, model, null, reporters.scrubberFor(c));
    }

    private RenderedMail render(CaseRecord c, TemplateModel.AboutCase model, TeamMember member,
                                ReporterScrubber scrubber) {
        TemplateModel.CaseValues common = new TemplateModel.CaseValues(settings.caseTag(c.id()), c.id(), c.codeName(),
                settings.eventName(), settings.address().address(),
                member == null ? null : scrubber.scrub(member.name()));
        return renderer.render(model, scrubber::scrub, common);
    }

    /** A Message-ID for mail about the case to someone off the roster, chosen before the mail exists (drafts). */
    public String newMessageId(CaseRecord c) {
        return ids.forCase(c.id());
    }

    /**
     * Queues mail already rendered (a draft's approved content), threaded for mail clients.
     *
     * @param member the roster member it goes to, or null
     */
    public OutboxItem send(CaseRecord c, EmailAddress to, EmailAddress member, String messageId, MailKind kind,
                           RenderedMail mail, String inReplyTo, List<String> references, Map<String, String> headers,
                           List<Attachment> files, Long cause) {
        return send(c, to, member, messageId, kind, mail, inReplyTo, references, headers, files, cause, false);
    }

    private OutboxItem send(CaseRecord c, EmailAddress to, EmailAddress member, String messageId, MailKind kind,
                            RenderedMail mail, String inReplyTo, List<String> references, Map<String, String> headers,
                            List<Attachment> files, Long cause, boolean forConflicted) {
        Instant now = clock.instant();
        Map<String, String> extra = new LinkedHashMap<>(headers);
        String root = ThreadIndex.root(c.id(), threadIndexKey, c.openedAt());
        extra.put("Thread-Index", ThreadIndex.child(root, c.openedAt(), now));
        extra.put("Thread-Topic", ThreadIndex.topic(settings.caseTag(c.id()) + " " + c.codeName()));
        // Asks Exchange and similar servers not to send out-of-office replies to the conduct address.
        extra.putIfAbsent("X-Auto-Response-Suppress", "All");
        extra.putIfAbsent("Auto-Submitted", "auto-generated");
        OutboundMessage message = new OutboundMessage(kind, messageId, from(), List.of(to), settings.address(),
                mail.subject(), inReplyTo, references, extra, mail.text(), mail.html(), files);
        return forConflicted ? outbox.queueForConflicted(message, c.id(), member, cause)
                : outbox.queue(message, c.id(), member, cause);
    }

    private EmailAddress from() {
        return new EmailAddress(settings.eventName() + " Code of Conduct team", settings.address().address());
    }
}
