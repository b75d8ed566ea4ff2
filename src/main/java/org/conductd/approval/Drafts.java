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
import java.util.Set;
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

    /** The most digits a draft label has: more cannot be a draft's number. */
    private static final int MAX_LABEL_DIGITS = 12;

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
                drafts.decide(older.id(), DraftState.SUPERSEDED, now, author, "replaced by a newer draft");
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

    /** Remembers that an approval request with this Message-ID showed the draft's content to the member. */
    public void requestSent(String messageId, Draft draft, String member) {
        requests.save(new DraftRequest(messageId, draft.id(), member, draft.contentHash()));
    }

    /**
     * The draft a reply means: the one it names ("D3"), else the one whose approval request it
     * answers. Never a guess: a draft replaced since the member looked must not be taken for
     * the one they saw.
     */
    public Optional<Draft> identify(long caseId, String label, List<String> referencedIds) {
        if (label != null) {
            String written = label.strip();
            int end = labelEnd(written);
            if (end < 0 || end != written.length()) {
                return Optional.empty();
            }
            return drafts.findById(Long.parseLong(written.substring(1))).filter(d -> d.caseId() == caseId);
        }
        return answeredRequest(referencedIds).flatMap(r -> drafts.findById(r.draftId()))
                .filter(d -> d.caseId() == caseId);
    }

    /** The approval request a reply answers, if it answers one. */
    private Optional<DraftRequest> answeredRequest(List<String> referencedIds) {
        for (String id : referencedIds) {
            Optional<DraftRequest> request = requests.findById(id);
            if (request.isPresent()) {
                return request;
            }
        }
        return Optional.empty();
    }

    /** A label such as "D3" at the start of a reason ("REJECT: D3 too harsh"), and the rest. */
    public record Labelled(String label, String text) {
    }

    public static Labelled leadingLabel(String reason) {
        String written = reason.strip();
        int end = labelEnd(written);
        if (end < 0 || end < written.length() && isWordCharacter(written.charAt(end))) {
            return new Labelled(null, written);
        }
        int rest = end;
        while (rest < written.length() && isLabelSeparator(written.charAt(rest))) {
            rest++;
        }
        return new Labelled("D" + written.substring(1, end), written.substring(rest).strip());
    }

    /** Where a label "D" + up to 12 digits at the start of the text ends, or -1 when it has none. */
    private static int labelEnd(String text) {
        if (text.isEmpty() || (text.charAt(0) != 'D' && text.charAt(0) != 'd')) {
            return -1;
        }
        int end = 1;
        while (end < text.length() && end <= MAX_LABEL_DIGITS && isAsciiDigit(text.charAt(end))) {
            end++;
        }
        return end == 1 || end < text.length() && isAsciiDigit(text.charAt(end)) ? -1 : end;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isLabelSeparator(char c) {
        return Character.isWhitespace(c) || c == ':' || c == ',' || c == '.' || c == '-';
    }

    /** Why the draft can no longer be decided on, if it cannot. */
    public Optional<String> whyClosed(Draft draft) {
        return switch (draft.state()) {
            case PENDING -> Optional.empty();
            case SENT -> Optional.of(draft.label() + " was already sent");
            case REJECTED -> Optional.of(draft.label() + " was rejected");
            case SUPERSEDED -> Optional.of(draft.label() + " was replaced by a newer draft; approve that one");
            case WITHDRAWN -> Optional.of(draft.label() + " was withdrawn when the case was closed");
        };
    }

    /**
     * Why this member may not approve the draft, if they may not. An approval counts only for
     * content the member was shown: their own approval request for this draft, with this hash.
     */
    public Optional<String> whyNotApprovable(Draft draft, String member, List<String> referencedIds) {
        Optional<String> closed = whyClosed(draft);
        if (closed.isPresent()) {
            return closed;
        }
        if (draft.author().equals(member)) {
            return Optional.of("you wrote " + draft.label() + "; another team member must approve it");
        }
        Optional<DraftRequest> answered = answeredRequest(referencedIds);
        if (answered.isPresent() && answered.get().member() != null && !answered.get().member().equals(member)) {
            return Optional.of("that approval request was sent to another team member; answer your own");
        }
        boolean shown = requests.findByDraftIdAndMember(draft.id(), member).stream()
                .anyMatch(r -> draft.contentHash().equals(r.contentHash()));
        if (!shown) {
            return Optional.of("you were not sent " + draft.label() + "'s approval request, so you have not seen "
                    + "what it would send");
        }
        if (approvals.findByDraftIdOrderById(draft.id()).stream().anyMatch(a -> a.member().equals(member))) {
            return Optional.of("you already approved " + draft.label());
        }
        return Optional.empty();
    }

    /**
     * Records the approval of the content the member was shown; says whether the draft may now
     * be sent. Approvals of members who are conflicted by now do not count.
     */
    public Approved approve(Draft draft, String member, Long source, Set<String> conflicted) {
        approvals.save(new Approval(null, draft.id(), member, draft.contentHash(), clock.instant(), source));
        int count = (int) approvals.findByDraftIdOrderById(draft.id()).stream()
                .filter(a -> a.contentHash().equals(draft.contentHash()) && !conflicted.contains(a.member()))
                .count();
        return new Approved(count, settings.approvalsRequired());
    }

    /** Withdraws every pending draft of a case (it was closed); returns their labels. */
    public List<String> withdrawPending(long caseId, String by) {
        List<String> labels = new ArrayList<>();
        for (Draft d : pending(caseId)) {
            drafts.decide(d.id(), DraftState.WITHDRAWN, clock.instant(), by, "the case was closed");
            labels.add(d.label());
        }
        return labels;
    }

    /** Whether the outcome of the case (a resolution notice) was sent to this address. */
    public boolean outcomeSentTo(long caseId, String address) {
        return drafts.findByCaseIdOrderById(caseId).stream()
                .filter(d -> d.kind() == DraftKind.RESOLUTION && d.state() == DraftState.SENT)
                .anyMatch(d -> messages(d).stream().anyMatch(m -> m.recipient().equalsIgnoreCase(address)));
    }

    /** The draft an outbound Message-ID belongs to, if it was a draft's message. */
    public Optional<Draft> ofMessage(String messageId) {
        return messages.findByMessageId(messageId).stream().findFirst().flatMap(m -> drafts.findById(m.draftId()));
    }

    public List<String> approvers(Draft draft) {
        return approvals.findByDraftIdOrderById(draft.id()).stream().map(Approval::member).toList();
    }

    public void reject(Draft draft, String member, String reason) {
        drafts.decide(draft.id(), DraftState.REJECTED, clock.instant(), member, reason);
    }

    public void sent(Draft draft, String by, String note) {
        drafts.decide(draft.id(), DraftState.SENT, clock.instant(), by, note);
    }

    /** The hash an approval is bound to: everything each message of the draft would send, in order. */
    static String hash(List<DraftMessage> content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DraftMessage m : content) {
                for (String part : new String[] {m.recipientRole(), m.recipient(), m.recipientName(), m.messageId(),
                        m.inReplyTo(), m.subject(), m.textBody(), m.htmlBody()}) {
                    digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
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
