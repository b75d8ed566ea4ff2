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

    @Test
    void pastTheRateRespondersGetSummariesInsteadOfANotificationPerCase() throws Exception {
        reports(1, 7);

        assertEquals(7, conductd.bean(CaseRepository.class).count());
        for (int i = 1; i <= 7; i++) {
            assertEquals(1, mail.receivedBy("reporter" + i + "@example.net", "ack").size(), "every reporter is acknowledged");
        }
        Await.until("a summary for alice", () -> summaries("alice@example.org").size() == 1);
        assertEquals(3, mail.receivedBy("alice@example.org", "case-notification").size() - 1,
                "the first three cases were notified one by one");
        String summary = body(summaries("alice@example.org").get(0));
        for (int i = 4; i <= 7; i++) {
            assertTrue(summary.contains("[CoC #" + i + "]") && summary.contains("Report number " + i), summary);
        }
        assertFalse(summary.contains("Something happened to me"), "a summary quotes no report");

        reports(8, 9);
        Await.until("a second summary", () -> summaries("bob@example.org").size() == 2);
        String second = body(summaries("bob@example.org").get(1));
        assertTrue(second.contains("[CoC #8]") && second.contains("[CoC #9]") && !second.contains("[CoC #7]"), second);
        Thread.sleep(1500);
        assertEquals(2, summaries("carol@example.org").size(), "nothing more without new cases");
    }
}
