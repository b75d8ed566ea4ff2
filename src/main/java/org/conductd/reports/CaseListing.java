package org.conductd.reports;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.conductd.cases.AnonymousReports;
import org.conductd.mail.MessageIdIssuer;
import org.conductd.outbound.ReporterIdentities;
import org.conductd.store.AttachmentRepository;
import org.conductd.store.AuthorRole;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseMember;
import org.conductd.store.CaseMemberRepository;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;
import org.conductd.store.StoredAttachment;
import org.conductd.store.StoredMessage;
import org.conductd.text.TimeText;

/**
 * The text of the {@code cases} and {@code case N} commands. An anonymous case never shows
 * who reported it: not as its reporter, and not in the text of its messages, events or file
 * names either.
 */
@Singleton
public final class CaseListing {

    private final TransactionOperations<Connection> tx;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final CaseMemberRepository members;
    private final MessageRepository messages;
    private final AttachmentRepository attachments;
    private final EventRepository events;
    private final OutboxRepository outbox;
    private final ReporterIdentities reporterIdentities;

    CaseListing(TransactionOperations<Connection> tx, CaseRepository cases, ParticipantRepository participants,
                CaseMemberRepository members, MessageRepository messages, AttachmentRepository attachments,
                EventRepository events, OutboxRepository outbox, ReporterIdentities reporterIdentities) {
        this.tx = tx;
        this.cases = cases;
        this.participants = participants;
        this.members = members;
        this.messages = messages;
        this.attachments = attachments;
        this.events = events;
        this.outbox = outbox;
        this.reporterIdentities = reporterIdentities;
    }

    public String list() {
        return tx.executeRead(status -> {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%-5s %-24s %-9s %-8s %-17s %s%n", "case", "code name", "state",
                    "severity", "opened", "reporter"));
            for (CaseRecord c : cases.findAllOrderById()) {
                out.append(String.format(Locale.ROOT, "%-5d %-24s %-9s %-8s %-17s %s%n", c.id(), c.codeName(),
                        c.state(), c.severity() == null ? "-" : c.severity().label(), when(c.openedAt()),
                        printable(reporter(c))));
            }
            return out.toString();
        });
    }

    public Optional<String> record(long number) {
        return tx.executeRead(status -> cases.findById(number)
                .map(c -> printableLines(reporterIdentities.scrubberFor(c).scrub(render(c)))));
    }

    private String render(CaseRecord c) {
        StringBuilder out = new StringBuilder();
        out.append("Case ").append(c.id()).append(" \"").append(c.codeName()).append("\"\n");
        out.append("  state:     ").append(c.state()).append('\n');
        out.append("  severity:  ").append(c.severity() == null ? "not set" : c.severity().label()).append('\n');
        out.append("  opened:    ").append(when(c.openedAt())).append('\n');
        out.append("  activity:  ").append(when(c.lastActivityAt())).append('\n');
        out.append("  reporter:  ").append(reporter(c)).append('\n');
        if (c.takenBy() != null) {
            out.append("  taken by:  ").append(c.takenBy()).append('\n');
        }
        for (Participant p : participants.findByCaseIdOrderById(c.id())) {
            if (p.role() != ParticipantRole.REPORTER) {
                out.append("  ").append(p.role().name().toLowerCase(Locale.ROOT)).append(":  ")
                        .append(person(p.name(), p.address())).append('\n');
            }
        }
        out.append("\nTeam\n");
        for (CaseMember m : members.findByCaseId(c.id())) {
            out.append("  ").append(m.member()).append(m.conflicted() ? "  LEFT OUT" + (m.reason() == null ? "" : ": " + m.reason()) : "").append('\n');
        }
        out.append("\nMessages\n");
        for (StoredMessage m : messages.findByCaseIdOrderById(c.id())) {
            String author = c.anonymous() && m.authorRole() == AuthorRole.REPORTER
                    ? AnonymousReports.label(c.id())
                    : person(m.fromName(), m.fromAddress());
            out.append("  #").append(m.id()).append(' ').append(when(m.receivedAt())).append(' ')
                    .append(m.disposition()).append(" from ").append(author).append('\n');
            for (StoredAttachment a : attachments.findByMessageRowOrderById(m.id())) {
                out.append("    attachment ").append(a.storedName()).append(": ")
                        .append(a.fileName() == null ? "(unnamed)" : a.fileName()).append(", ").append(a.contentType())
                        .append(", ").append(a.size()).append(" bytes\n");
            }
            if (m.bodyText() != null) {
                for (String line : m.bodyText().split("\n", -1)) {
                    out.append("    | ").append(printable(line)).append('\n');
                }
            }
        }
        out.append("\nEvents\n");
        for (CaseEvent e : events.findByCaseIdOrderById(c.id())) {
            // Who reported an anonymous case is shown nowhere, the event log included (as in STATUS).
            String detail = c.anonymous() && e.kind() == EventKind.REPORTER ? AnonymousReports.label(c.id()) : e.detail();
            out.append("  ").append(when(e.at())).append(' ').append(e.kind().value()).append(" by ").append(e.actor().value())
                    .append(detail == null ? "" : ": " + detail.replace('\n', ' ')).append('\n');
        }
        out.append("\nMail sent\n");
        for (OutboxItem o : outbox.findByCaseIdOrderById(c.id())) {
            String to = o.member() != null ? o.member() : c.anonymous() ? "the reporter (anonymous)"
                    : o.recipient().isEmpty() ? "(erased)" : o.recipient();
            out.append("  ").append(when(o.createdAt())).append(' ').append(o.kind().headerValue()).append(" to ").append(to)
                    .append(": ").append(o.state()).append(o.lastError() == null ? "" : " (" + o.lastError() + ")")
                    .append('\n');
        }
        return out.toString();
    }

    private String reporter(CaseRecord c) {
        if (c.anonymous()) {
            return AnonymousReports.label(c.id());
        }
        List<Participant> reporters = participants.findByCaseIdOrderById(c.id()).stream()
                .filter(p -> p.role() == ParticipantRole.REPORTER).toList();
        return reporters.isEmpty() ? "not recorded" : person(reporters.get(0).name(), reporters.get(0).address());
    }

    private static String person(String name, String address) {
        if (address == null) {
            return name == null ? "unknown" : name;
        }
        return name == null ? address : name + " <" + address + ">";
    }

    /**
     * The whole record without control characters but its own line breaks and tabs: event
     * details, names, file names and server replies all come from people or their servers.
     */
    private static String printableLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            out.append(Character.isISOControl(ch) && ch != '\n' && ch != '\t' ? '\uFFFD' : ch);
        }
        return out.toString();
    }

    /**
     * Text from strangers without control characters, so it cannot drive the terminal it is shown on,
     * and without members' tokens, which a bounce quotes with the returned message's Message-ID.
     */
    private static String printable(String line) {
        StringBuilder shown = new StringBuilder(line.length());
        line.codePoints().forEach(c -> shown.appendCodePoint(c != '\t' && Character.getType(c) == Character.CONTROL
                ? '\uFFFD' : c));
        return MessageIdIssuer.withoutTokens(shown.toString());
    }

    private static String when(Instant instant) {
        return instant == null ? "-" : TimeText.forPeople(instant, ZoneOffset.UTC);
    }
}
