package org.conductd.approval;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conductd.config.Settings;
import org.conductd.store.Approval;
import org.conductd.store.ApprovalRepository;
import org.conductd.store.Draft;
import org.conductd.store.DraftKind;
import org.conductd.store.DraftMessage;
import org.conductd.store.DraftMessageRepository;
import org.conductd.store.DraftRepository;
import org.conductd.store.DraftRequest;
import org.conductd.store.DraftRequestRepository;
import org.conductd.store.DraftState;

/**
 * Drafts and the two-person rule (SPEC §3.5), in the caller's transaction. A draft holds the
 * exact messages it would send; an approval is bound to the hash of that content; a newer
 * draft of the same kind replaces a pending one (so a changed draft needs a new approval);
 * and a draft is sent once enough members other than its author have approved it.
 */
@Singleton
public final class Drafts {

    private static final Pattern LABEL = Pattern.compile("[Dd](\\d{1,12})");

    /** What an approval achieved. */
    public record Approved(int approvals, int needed) {
        public boolean complete() {
            return approvals >= needed;
        }
    }

    private final DraftRepository drafts;
    private final DraftMessageRepository messages;
    private final ApprovalRepository approvals;
    private final DraftRequestRepository requests;
    private final Settings settings;
    private final Clock clock;

    public Drafts(DraftRepository drafts, DraftMessageRepository messages, ApprovalRepository approvals,
                  DraftRequestRepository requests, Settings settings, Clock clock) {
        this.drafts = drafts;
        this.messages = messages;
        this.approvals = approvals;
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Saves a draft with its rendered messages (their ids and draft id unset), replacing any
     * pending draft of the same kind in the case.
     */
    public Draft create(long caseId, DraftKind kind, String author, String resolution, List<DraftMessage> content,
                        Long source) {
        Instant now = clock.instant();
        for (Draft older : drafts.findByCaseIdAndStateOrderById(caseId, DraftState.PENDING)) {
            if (older.kind() == kind) {
                drafts.decide(older.id(), DraftState.SUPERSEDED.name(), now, author, "replaced by a newer draft");
            }
        }
        Draft draft = drafts.save(new Draft(null, caseId, kind, author, DraftState.PENDING, resolution,
                hash(content), now, null, null, null, source));
        for (DraftMessage m : content) {
            messages.save(new DraftMessage(null, draft.id(), m.recipientRole(), m.recipient(), m.recipientName(),
                    m.messageId(), m.inReplyTo(), m.subject(), m.textBody(), m.htmlBody()));
        }
        return draft;
    }

    public List<DraftMessage> messages(Draft draft) {
        return messages.findByDraftIdOrderById(draft.id());
    }

    public List<Draft> pending(long caseId) {
        return drafts.findByCaseIdAndStateOrderById(caseId, DraftState.PENDING);
    }

    /** Remembers that an approval request with this Message-ID asked about the draft. */
    public void requestSent(String messageId, Draft draft) {
        requests.save(new DraftRequest(messageId, draft.id()));
    }

    /**
     * The draft a reply means: the one it names ("D3"), else the one whose approval request it
     * answers, else the only pending draft of the case.
     */
    public Optional<Draft> identify(long caseId, String label, List<String> referencedIds) {
        if (label != null) {
            Matcher m = LABEL.matcher(label.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            return drafts.findById(Long.parseLong(m.group(1))).filter(d -> d.caseId() == caseId);
        }
        for (String id : referencedIds) {
            Optional<Draft> asked = requests.findById(id).flatMap(r -> drafts.findById(r.draftId()))
                    .filter(d -> d.caseId() == caseId);
            if (asked.isPresent()) {
                return asked;
            }
        }
        List<Draft> pending = pending(caseId);
        return pending.size() == 1 ? Optional.of(pending.get(0)) : Optional.empty();
    }

    /** Why the draft can no longer be decided on, if it cannot. */
    public Optional<String> whyClosed(Draft draft) {
        return switch (draft.state()) {
            case PENDING -> Optional.empty();
            case SENT -> Optional.of(draft.label() + " was already sent");
            case REJECTED -> Optional.of(draft.label() + " was rejected");
            case SUPERSEDED -> Optional.of(draft.label() + " was replaced by a newer draft; approve that one");
        };
    }

    /** Why this member may not approve the draft, if they may not. Conflicted members never get this far. */
    public Optional<String> whyNotApprovable(Draft draft, String member) {
        Optional<String> closed = whyClosed(draft);
        if (closed.isPresent()) {
            return closed;
        }
        if (draft.author().equals(member)) {
            return Optional.of("you wrote " + draft.label() + "; another team member must approve it");
        }
        if (approvals.findByDraftIdOrderById(draft.id()).stream().anyMatch(a -> a.member().equals(member))) {
            return Optional.of("you already approved " + draft.label());
        }
        return Optional.empty();
    }

    /** Records the approval against the exact content; says whether the draft may now be sent. */
    public Approved approve(Draft draft, String member, Long source) {
        String current = hash(messages(draft));
        if (!current.equals(draft.contentHash())) {
            throw new IllegalStateException(draft.label() + " changed after it was drafted");
        }
        approvals.save(new Approval(null, draft.id(), member, current, clock.instant(), source));
        int count = (int) approvals.findByDraftIdOrderById(draft.id()).stream()
                .filter(a -> a.contentHash().equals(current)).count();
        return new Approved(count, settings.approvalsRequired());
    }

    public List<String> approvers(Draft draft) {
        return approvals.findByDraftIdOrderById(draft.id()).stream().map(Approval::member).toList();
    }

    public void reject(Draft draft, String member, String reason) {
        drafts.decide(draft.id(), DraftState.REJECTED.name(), clock.instant(), member, reason);
    }

    public void sent(Draft draft, String by, String note) {
        drafts.decide(draft.id(), DraftState.SENT.name(), clock.instant(), by, note);
    }

    /** The hash an approval is bound to: every recipient, subject and text of the draft, in order. */
    static String hash(List<DraftMessage> content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DraftMessage m : content) {
                for (String part : new String[] {m.recipientRole(), m.recipient(), m.subject(), m.textBody()}) {
                    digest.update(part.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The labels of the case's pending drafts, for an error that must name one. */
    public List<String> pendingLabels(long caseId) {
        List<String> labels = new ArrayList<>();
        for (Draft d : pending(caseId)) {
            labels.add(d.label() + " (" + d.kind().description().toLowerCase(Locale.ROOT) + ")");
        }
        return labels;
    }
}
