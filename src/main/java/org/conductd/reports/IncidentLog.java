package org.conductd.reports;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.conductd.config.Settings;
import org.conductd.mail.EmailAddress;
import org.conductd.outbound.ReporterIdentities;
import org.conductd.outbound.ReporterScrubber;
import org.conductd.store.CaseActor;
import org.conductd.store.CaseEventDetail;
import org.conductd.store.CaseRecipient;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.OutboxRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;
import org.conductd.text.TimeText;

/**
 * The internal incident log (SPEC §3.8, the columns of seed 002): one CSV row per case, oldest
 * first, RFC 4180 with CRLF line ends. It is for the team and names reporters, except that an
 * anonymous case says "anonymous" and its reporter's names and addresses appear nowhere in its
 * row, the team's own words (summary, when, where) included. All
 * cases are read in one transaction with a query or two per table, so the log is consistent while
 * the daemon writes and stays fast over thousands of cases.
 */
@Singleton
public final class IncidentLog {

    public static final List<String> HEADER = List.of("case", "code_name", "received_at", "reporter_name",
            "reporter_address", "handlers", "when", "where", "summary", "actions_taken", "who_else_knows",
            "reported_to_dsf", "state");

    static final String ANONYMOUS = "anonymous";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
    /** A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final TransactionOperations<Connection> tx;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final EventRepository events;
    private final OutboxRepository outbox;
    private final Settings settings;
    private final ReporterIdentities reporterIdentities;
    /** Every roster address and alias, lower case, to the member's name. */
    private final Map<String, String> rosterNames = new HashMap<>();

    IncidentLog(TransactionOperations<Connection> tx, CaseRepository cases, ParticipantRepository participants,
                EventRepository events, OutboxRepository outbox, Settings settings,
                ReporterIdentities reporterIdentities) {
        this.tx = tx;
        this.cases = cases;
        this.participants = participants;
        this.events = events;
        this.outbox = outbox;
        this.settings = settings;
        this.reporterIdentities = reporterIdentities;
        settings.team().forEach(m -> m.allAddresses().forEach(a -> rosterNames.putIfAbsent(a.address(), m.name())));
    }

    /** Writes the header and every row; {@code out} is flushed, not closed. */
    public void writeCsv(Appendable out) throws IOException {
        List<List<String>> rows = rows();
        // Not closed: that would close the caller's stream (stdout).
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        for (List<String> row : rows) {
            printer.printRecord(row.stream().map(IncidentLog::inert).toList());
        }
        printer.flush();
    }

    /** The rows in the order of {@link #HEADER}, before any quoting. */
    public List<List<String>> rows() {
        return tx.executeRead(status -> {
            Map<Long, List<Participant>> people = byCase(participants.findAllByCase(), Participant::caseId);
            Map<Long, List<CaseActor>> actors = byCase(events.findAddressActors(), CaseActor::caseId);
            Map<Long, List<CaseEventDetail>> sent = byCase(events.findDetailsOfKind(EventKind.SENT), CaseEventDetail::caseId);
            Map<Long, List<CaseRecipient>> recipients = byCase(outbox.findCaseRecipients(), CaseRecipient::caseId);
            Map<Long, ReporterScrubber> anonymous = reporterIdentities.ofAnonymousCases();
            List<List<String>> rows = new ArrayList<>();
            for (CaseRecord c : cases.findAllOrderById()) {
                List<String> row = row(c, people.getOrDefault(c.id(), List.of()), actors.getOrDefault(c.id(), List.of()),
                        sent.getOrDefault(c.id(), List.of()), recipients.getOrDefault(c.id(), List.of()));
                ReporterScrubber scrubber = anonymous.getOrDefault(c.id(), ReporterScrubber.NONE);
                rows.add(scrubber.scrubsNothing() ? row : row.stream().map(scrubber::scrub).toList());
            }
            return rows;
        });
    }

    private List<String> row(CaseRecord c, List<Participant> people, List<CaseActor> actors,
                             List<CaseEventDetail> sent, List<CaseRecipient> recipients) {
        List<Participant> reporters = people.stream().filter(p -> p.role() == ParticipantRole.REPORTER).toList();
        List<String> row = List.of(
                Long.toString(c.id()),
                c.codeName(),
                TimeText.forRecords(c.openedAt()),
                c.anonymous() ? ANONYMOUS : joined(reporters.stream().map(p -> orEmpty(p.name())).toList()),
                c.anonymous() ? "" : joined(reporters.stream().map(p -> orEmpty(p.address())).toList()),
                handlers(c, actors),
                orEmpty(c.incidentWhen()),
                orEmpty(c.incidentWhere()),
                orEmpty(c.summary()),
                actionsTaken(c, sent),
                whoElseKnows(c, people, recipients),
                c.dsfReportedAt() == null ? "no" : TimeText.day(c.dsfReportedAt(), ZoneOffset.UTC),
                c.state().name().toLowerCase(Locale.ROOT));
        return row;
    }

    /** The lead, then every roster address that acted on the case, each once. */
    private String handlers(CaseRecord c, List<CaseActor> actors) {
        Set<String> addresses = new LinkedHashSet<>();
        if (c.lead() != null) {
            addresses.add(c.lead());
        }
        actors.forEach(a -> addresses.add(EmailAddress.of(a.actor()).address()));
        return joined(addresses.stream().map(this::member).toList());
    }

    private String actionsTaken(CaseRecord c, List<CaseEventDetail> sent) {
        List<String> sentences = new ArrayList<>();
        if (c.resolution() != null) {
            sentences.add("Resolution: " + settings.resolutionDescription(c.resolution()));
        } else if (c.state() == CaseState.CLOSED) {
            sentences.add("Closed without a resolution.");
        }
        sent.forEach(e -> sentences.add("Sent " + orEmpty(e.detail())));
        return sentences.stream().map(IncidentLog::sentence).collect(Collectors.joining(" "));
    }

    /** Everyone who received mail about the case, each once, with what they are to it. */
    private String whoElseKnows(CaseRecord c, List<Participant> people, List<CaseRecipient> recipients) {
        Set<String> known = new LinkedHashSet<>();
        for (CaseRecipient r : recipients) {
            known.add(r.member() != null ? member(r.member()) : outsider(c, EmailAddress.of(r.recipient()), people));
        }
        return joined(List.copyOf(known));
    }

    private String outsider(CaseRecord c, EmailAddress to, List<Participant> people) {
        if (to.sameAddress(settings.dsfAddress())) {
            return to.address() + " (DSF)";
        }
        if (settings.organizers().stream().anyMatch(to::sameAddress)) {
            return to.address() + " (organizer)";
        }
        if (to.sameAddress(settings.appealsContact())) {
            return to.address() + " (appeals contact)";
        }
        if (rosterNames.containsKey(to.address())) {
            return member(to.address());
        }
        for (Participant p : people) {
            if (p.address() != null && to.sameAddress(EmailAddress.of(p.address()))) {
                if (p.role() == ParticipantRole.REPORTER) {
                    return c.anonymous() ? "the reporter (anonymous)" : person(p.name(), to.address()) + " (reporter)";
                }
                return person(p.name(), to.address())
                        + (p.role() == ParticipantRole.REPORTED ? " (reported person)" : " (witness)");
            }
        }
        // Whoever this is, in an anonymous case it may be the reporter writing from another address.
        return c.anonymous() ? "someone outside the team (address withheld: anonymous case)" : to.address();
    }

    private String member(String address) {
        String name = rosterNames.get(EmailAddress.of(address).address());
        return name == null ? address : person(name, address);
    }

    /**
     * A cell a spreadsheet would run as a formula gets a leading apostrophe, so a name like
     * {@code =HYPERLINK(...)} from a stranger stays text when the team opens the log.
     */
    static String inert(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() || ".!?".indexOf(stripped.charAt(stripped.length() - 1)) >= 0
                ? stripped : stripped + ".";
    }

    private static String person(String name, String address) {
        return name == null || name.isBlank() ? address : name + " <" + address + ">";
    }

    private static String joined(List<String> parts) {
        return String.join("; ", parts);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static <T> Map<Long, List<T>> byCase(List<T> rows, Function<T, Long> caseId) {
        return rows.stream().collect(Collectors.groupingBy(caseId));
    }
}
