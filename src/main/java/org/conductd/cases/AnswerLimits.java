package org.conductd.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MailKind;
import org.conductd.store.OutboxRepository;

/**
 * Every limit on mail conductd writes by itself in answer to mail it received, in one place.
 * Anyone can forge a From line or write in a loop, and each of these answers leaves without
 * a second member, so each is capped by what the outbox already holds:
 *
 * <ul>
 *   <li>{@link #memberShareSpent}: refusals, transcripts, command errors and STATUS or HELP
 *       answers to one member, {@value #MEMBER_ANSWERS_PER_HOUR} an hour together;</li>
 *   <li>{@link #acknowledgementsSpent}: acknowledgements to one reporter's address,
 *       {@code conductd.acknowledgements-per-hour} an hour;</li>
 *   <li>{@link #appealsContactToldToday}: notices to the appeals contact, one a day per case.</li>
 * </ul>
 */
@Singleton
public final class AnswerLimits {

    static final int MEMBER_ANSWERS_PER_HOUR = 3;
    private static final List<String> MEMBER_ANSWER_KINDS = List.of(MailKind.REFUSAL.headerValue(),
            MailKind.TRANSCRIPT.headerValue(), MailKind.COMMAND_ERROR.headerValue());
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final Settings settings;
    private final OutboxRepository outbox;
    private final Clock clock;

    public AnswerLimits(Settings settings, OutboxRepository outbox, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Whether the member already had the hour's share of automatic answers, whatever their kind. */
    public boolean memberShareSpent(TeamMember member) {
        return outbox.countOfKindsSince(member.email().address(), MEMBER_ANSWER_KINDS,
                clock.instant().minus(HOUR)) >= MEMBER_ANSWERS_PER_HOUR;
    }

    /** Whether this address already had the hour's acknowledgements. */
    public boolean acknowledgementsSpent(EmailAddress reporter) {
        return outbox.countSince(reporter.address(), MailKind.ACK, clock.instant().minus(HOUR))
                >= settings.acknowledgementsPerHour();
    }

    /** Whether the appeals contact was already told of an appeal in this case today. */
    public boolean appealsContactToldToday(long caseId) {
        return outbox.countForCaseToSince(caseId, settings.appealsContact().address(), MailKind.ALERT,
                clock.instant().minus(DAY)) > 0;
    }
}
