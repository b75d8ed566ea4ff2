package org.conductd.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conductd.mail.Severity;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transparency report over cases stored in the real database, with the period's edges (UTC here). */
class TransparencyReportIT extends ConductdIT {

    static final LocalDate FROM = LocalDate.of(2026, 5, 1);
    static final LocalDate TO = LocalDate.of(2026, 5, 31);

    @BeforeEach
    void casesInAndAroundMay() {
        store("2026-04-30T23:59:59Z", "amber fox", CaseState.RESOLVED, "ban", "an April case outside the period");
        store("2026-05-01T00:00:00Z", "brisk owl", CaseState.RESOLVED, "warning", "an attendee was warned about jokes");
        store("2026-05-10T12:00:00Z", "calm pine", CaseState.CLOSED, "warning", "a speaker was warned");
        long named = store("2026-05-31T23:59:59Z", "dark reef", CaseState.RESOLVED, "warning",
                "Mallory Example was warned <b>twice</b>");
        conductd.bean(ParticipantRepository.class).save(new Participant(null, named, ParticipantRole.REPORTED,
                "Mallory Example", "mallory@example.com", Instant.parse("2026-05-31T23:59:59Z")));
        store("2026-05-15T08:00:00Z", "eager lark", CaseState.RESOLVED, "no-action",
                "no violation was found, ask mallory@example.com");
        store("2026-05-20T08:00:00Z", "fresh dune", CaseState.OPEN, null, "a case about <b>bold</b> words");
        store("2026-06-01T00:00:00Z", "gentle bay", CaseState.RESOLVED, "ban", "a June case outside the period");
    }

    long store(String openedAt, String codeName, CaseState state, String resolution, String publicSummary) {
        Instant at = Instant.parse(openedAt);
        return conductd.bean(CaseRepository.class).save(new CaseRecord(null, codeName, state, Severity.LOW, false, at,
                null, "subject of " + codeName, at, null, "Friday", "the hall", "internal summary", publicSummary,
                state == CaseState.CLOSED ? at : null, resolution, null)).id();
    }

    String markdown() {
        return conductd.bean(TransparencyReport.class).markdown(FROM, TO);
    }

    @Test
    void countsTheCasesOpenedInThePeriodByResolutionHidingSmallCounts() {
        String text = markdown();

        assertTrue(text.contains("Reports received: 5"), text);
        assertTrue(text.contains("- 3: A warning to stop the behaviour"), text);
        assertTrue(text.contains("- fewer than 3: No action: the team found"), text);
        assertTrue(text.contains("- fewer than 3: " + TransparencyReport.STILL_OPEN), text);
        assertFalse(text.contains("A ban from future events"), "the ban cases are outside the period: " + text);
    }

    @Test
    void showsThePublicSummariesOfThePeriodOnly() {
        String text = markdown();

        assertTrue(text.contains("- an attendee was warned about jokes"), text);
        assertTrue(text.contains("- a speaker was warned"), text);
        assertFalse(text.contains("outside the period"), text);
    }

    @Test
    void namesNoOneAndShowsNoAddressCaseNumberCodeNameOrOtherDate() {
        String text = markdown();

        assertFalse(text.contains("@"), text);
        assertFalse(text.contains("Mallory"), text);
        assertEquals(2, text.split("\\[removed\\]", -1).length - 1, "the two summaries that name someone: " + text);
        for (String codeName : conductd.bean(CaseRepository.class).findAllCodeNames()) {
            assertFalse(text.contains(codeName), codeName + " in " + text);
        }
        assertFalse(Pattern.compile("#\\s*\\d|case \\d").matcher(text).find(), text);
        Matcher dates = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(text);
        while (dates.find()) {
            assertTrue(Set.of("2026-05-01", "2026-05-31").contains(dates.group()), dates.group() + " in " + text);
        }
        assertFalse(text.contains("internal summary"), text);
    }

    @Test
    void htmlShowsPeoplesMarkupAsText() {
        String html = conductd.bean(TransparencyReport.class).html(FROM, TO);

        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<h1>"), html);
    }
}
