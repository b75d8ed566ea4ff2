package org.conductd.access;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.InboundMessage;
import org.conductd.mail.MessageIdIssuer;
import org.conductd.store.OutboxRepository;

/**
 * Decides whether a roster member's reply may act on a case (SPEC §4): it must come From a
 * roster address (never Reply-To: the caller resolves the member from From), answer mail
 * conductd sent that same member about that case (a Message-ID carrying their token), and,
 * where trusted authserv-ids are configured, pass DMARC or aligned DKIM there. A From line
 * alone is trivial to forge; the token proves the writer can read that member's mail.
 */
@Singleton
public final class CommandAuthentication {

    /** The outcome, with the refusal that says why a reply is not authentic. */
    public sealed interface Verdict {
        record Authentic() implements Verdict {
        }

        record Refused(Refusal refusal) implements Verdict {
        }

        /**
         * The reply answers the member's own case mail, but only mail older than
         * {@code security.token-max-age}: STATUS, HELP and REOPEN may still act on it.
         */
        record Expired() implements Verdict {
        }
    }

    private final Settings settings;
    private final MessageIdIssuer issuer;
    private final OutboxRepository outbox;
    private final Clock clock;

    public CommandAuthentication(Settings settings, MessageIdIssuer issuer, OutboxRepository outbox, Clock clock) {
        this.settings = settings;
        this.issuer = issuer;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Verdict check(long caseId, TeamMember member, InboundMessage m) {
        if (!answersMailSentTo(member, caseId, m)) {
            boolean anotherMembersToken = settings.team().stream()
                    .filter(other -> !other.equals(member))
                    .anyMatch(other -> answersMailSentTo(other, caseId, m));
            return new Verdict.Refused(anotherMembersToken ? Refusal.ANSWERS_ANOTHER_MEMBERS_MAIL : Refusal.ANSWERS_NO_CASE_MAIL);
        }
        if (!settings.trustedAuthservIds().isEmpty() && !AuthenticationResults.passes(
                m.rawHeaders("Authentication-Results"), settings.trustedAuthservIds(), m.from().domain())) {
            return new Verdict.Refused(Refusal.SENDER_CHECK_FAILED);
        }
        if (!answersRecentMailSentTo(member, caseId, m)) {
            return new Verdict.Expired();
        }
        return new Verdict.Authentic();
    }

    /**
     * Whether one of the member's tokens the reply answers was issued within the token age:
     * a token is only as old as the mail it came in, which the outbox records.
     */
    private boolean answersRecentMailSentTo(TeamMember member, long caseId, InboundMessage m) {
        List<String> tokens = m.referencedIds().stream().filter(id -> issuer.isTokenFor(id, caseId, member.email()))
                .toList();
        Instant oldest = clock.instant().minus(settings.tokenMaxAge());
        return outbox.findByMessageIds(tokens).stream().anyMatch(item -> item.createdAt().isAfter(oldest));
    }

    private boolean answersMailSentTo(TeamMember member, long caseId, InboundMessage m) {
        return m.referencedIds().stream().anyMatch(id -> issuer.isTokenFor(id, caseId, member.email()));
    }
}
