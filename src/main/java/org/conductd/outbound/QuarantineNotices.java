package org.conductd.outbound;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MessageIdIssuer;
import org.conductd.mail.OutboundMessage;
import org.conductd.store.MessageRepository;
import org.conductd.store.QuarantineEntry;
import org.conductd.store.QuarantineRepository;
import org.conductd.store.StoredMessage;
import org.conductd.text.TimeText;

/**
 * Tells the responders about quarantined mail: at most one notice an hour, listing every
 * message quarantined since the last notice (SPEC §4), so a flood of bad mail cannot turn
 * into a flood of notices. Runs inside the caller's transaction.
 */
@Singleton
public final class QuarantineNotices {

    static final Duration MIN_GAP = Duration.ofHours(1);

    private final Settings settings;
    private final QuarantineRepository quarantine;
    private final MessageRepository messages;
    private final TemplateRenderer renderer;
    private final Outbox outbox;
    private final MessageIdIssuer ids;
    private final Clock clock;

    public QuarantineNotices(Settings settings, QuarantineRepository quarantine, MessageRepository messages,
                             TemplateRenderer renderer, Outbox outbox, MessageIdIssuer ids, Clock clock) {
        this.settings = settings;
        this.quarantine = quarantine;
        this.messages = messages;
        this.renderer = renderer;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** Queues a notice to every responder if anything is waiting and the last notice is an hour old; true if it did. */
    public boolean sendIfDue() {
        List<QuarantineEntry> waiting = quarantine.findUnnotified();
        if (waiting.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        Optional<Instant> last = quarantine.findLastNotice();
        if (last.isPresent() && last.get().plus(MIN_GAP).isAfter(now)) {
            return false;
        }
        List<TemplateModel.QuarantinedMessage> items = new ArrayList<>();
        for (QuarantineEntry q : waiting) {
            Optional<StoredMessage> m = messages.findById(q.messageRow());
            // Sender and subject stay out: the notice goes to the whole team, and the message may
            // be an anonymous reporter's, or about one of the team.
            items.add(new TemplateModel.QuarantinedMessage(TimeText.forPeople(q.at(), ZoneOffset.UTC),
                    m.map(s -> s.size() + " bytes").orElse(""), q.reason()));
        }
        TemplateModel notice = new TemplateModel.QuarantineNotice(waiting.size(), items);
        RenderedMail mail = renderer.render(notice);
        EmailAddress from = new EmailAddress(settings.eventName() + " Code of Conduct team", settings.address().address());
        for (TeamMember member : settings.team()) {
            outbox.queue(new OutboundMessage(notice.template().kind(), ids.forNoCase(), from, List.of(member.email()),
                    settings.address(), mail.subject(), null, List.of(), Map.of("Auto-Submitted", "auto-generated"),
                    mail.text(), mail.html()), null, member.email(), null);
        }
        for (QuarantineEntry q : waiting) {
            quarantine.markNotified(q.id(), now);
        }
        return true;
    }
}
