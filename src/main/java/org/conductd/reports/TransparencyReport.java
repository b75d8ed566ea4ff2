package org.conductd.reports;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conductd.config.Settings;
import org.conductd.outbound.MarkdownHtml;
import org.conductd.reports.TransparencyText.Outcome;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.ParticipantRepository;

/**
 * The public transparency report (SPEC §3.8) for the cases opened from one date to another,
 * both inclusive, as days in {@code digest.zone} (the team's zone; UTC unless configured):
 * counts by resolution and the cases' PUBLIC-SUMMARY lines, anonymised by {@link TransparencyText}.
 */
@Singleton
public final class TransparencyReport {

    /** What a transparency report shows in place of a summary it must not publish. */
    public static final String REMOVED = TransparencyText.REMOVED;
    static final String STILL_OPEN = "Still being handled.";
    static final String CLOSED_UNRESOLVED = "Closed without a resolution.";

    private final TransactionOperations<Connection> tx;
    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final Settings settings;

    TransparencyReport(TransactionOperations<Connection> tx, CaseRepository cases, ParticipantRepository participants,
                       Settings settings) {
        this.tx = tx;
        this.cases = cases;
        this.participants = participants;
        this.settings = settings;
    }

    public String markdown(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period starts after it ends");
        }
        ZoneId zone = settings.digestZone();
        return tx.executeRead(status -> {
            List<CaseRecord> inPeriod = cases.findOpenedBetween(from.atStartOfDay(zone).toInstant(),
                    to.plusDays(1).atStartOfDay(zone).toInstant());
            List<String> summaries = inPeriod.stream().map(CaseRecord::publicSummary)
                    .filter(s -> s != null && !s.isBlank()).toList();
            return TransparencyText.markdown(settings.eventName(), from, to, inPeriod.size(), outcomes(inPeriod),
                    summaries, identifying());
        });
    }

    /**
     * Whether a public summary may be published next to these names and code names: it
     * repeats none of them, and no address, case number or date. What is not publishable
     * shows as {@link #REMOVED}.
     */
    public static boolean publishable(String summary, Collection<String> identifying) {
        return TransparencyText.safe(TransparencyText.oneLine(summary), identifying);
    }

    public String html(LocalDate from, LocalDate to) {
        return new MarkdownHtml().toHtml(markdown(from, to));
    }

    /** Counts in the order the resolutions are configured, then any others, then the cases without one. */
    private List<Outcome> outcomes(List<CaseRecord> inPeriod) {
        Map<String, Long> byResolution = new LinkedHashMap<>();
        settings.resolutions().forEach(r -> byResolution.put(r, 0L));
        long open = 0;
        long closed = 0;
        for (CaseRecord c : inPeriod) {
            if (c.resolution() != null) {
                byResolution.merge(c.resolution(), 1L, Long::sum);
            } else if (c.state() == CaseState.CLOSED) {
                closed++;
            } else {
                open++;
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        byResolution.forEach((resolution, n) -> {
            if (n > 0) {
                outcomes.add(new Outcome(settings.resolutionDescription(resolution), n));
            }
        });
        if (closed > 0) {
            outcomes.add(new Outcome(CLOSED_UNRESOLVED, closed));
        }
        if (open > 0) {
            outcomes.add(new Outcome(STILL_OPEN, open));
        }
        return outcomes;
    }

    /**
     * Everything that would identify a person or a case if a summary repeated it; read in
     * the caller's transaction.
     */
    public List<String> identifying() {
        // Addresses need no list: no line with an address survives TransparencyText.
        List<String> words = new ArrayList<>(cases.findAllCodeNames());
        words.addAll(participants.findAllNames());
        settings.team().forEach(m -> words.add(m.name()));
        return words;
    }
}
