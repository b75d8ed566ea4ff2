package org.conductd.app;

import static org.conductd.app.IntakeIT.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.conductd.store.CaseRepository;
import org.conductd.support.Await;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.Test;

/**
 * A flood of reports (SPEC §4: automatic mail is rate-limited): past flood.new-cases-per-hour,
 * each responder gets one summary of the new cases per flood.summary-every instead of a
 * notification each, while every reporter is still acknowledged.
 */
class FloodIT extends ConductdIT {

    @Override
    protected Map<String, Object> overrides() {
        return Map.of("conductd.flood.new-cases-per-hour", 3, "conductd.flood.summary-every", "3s",
                "conductd.flood.check-every", "500ms");
    }

    private List<MimeMessage> summaries(String member) {
        return mail.receivedBy(member, "case-notification").stream()
                .filter(m -> subject(m).contains("new reports")).toList();
    }

    private void reports(int from, int to) {
        for (int i = from; i <= to; i++) {
            mail.send("reporter" + i + "@example.net", "Report number " + i, "Something happened to me, " + i + ".",
                    Map.of());
        }
        conductd.settle();
    }

    /** How often each case appears in the member's summaries so far. */
    private Map<Integer, Integer> listed(String member, int upTo) {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (MimeMessage m : summaries(member)) {
            String text;
            try {
                text = body(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (int i = 1; i <= upTo; i++) {
                if (text.contains("[CoC #" + i + "]")) {
                    counts.merge(i, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static Map<Integer, Integer> once(int from, int to) {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (int i = from; i <= to; i++) {
            counts.put(i, 1);
        }
        return counts;
    }

    @Test
    void pastTheRateRespondersGetSummariesInsteadOfANotificationPerCase() throws Exception {
        reports(1, 7);

        assertEquals(7, conductd.bean(CaseRepository.class).count());
        for (int i = 1; i <= 7; i++) {
            assertEquals(1, mail.receivedBy("reporter" + i + "@example.net", "ack").size(), "every reporter is acknowledged");
        }
        Await.until("cases 4 to 7 summarized", () -> listed("alice@example.org", 9).keySet().containsAll(List.of(4, 5, 6, 7)));
        assertEquals(3, mail.receivedBy("alice@example.org", "case-notification").size() - summaries("alice@example.org").size(),
                "only the first three cases were notified one by one");
        String summary = body(summaries("alice@example.org").get(0));
        assertTrue(summary.contains("Report number 4"), summary);
        assertFalse(summary.contains("Something happened to me"), "a summary quotes no report");

        reports(8, 9);
        Await.until("cases 8 and 9 summarized", () -> listed("bob@example.org", 9).keySet().containsAll(List.of(8, 9)));
        assertEquals(once(4, 9), listed("bob@example.org", 9), "each held case is listed once, and only held ones");
        List<MimeMessage> toCarol = summaries("carol@example.org");
        for (int i = 1; i < toCarol.size(); i++) {
            long apart = toCarol.get(i).getSentDate().getTime() - toCarol.get(i - 1).getSentDate().getTime();
            assertTrue(apart >= 2000, "at most one summary per flood.summary-every: " + apart + " ms apart");
        }
    }
}
