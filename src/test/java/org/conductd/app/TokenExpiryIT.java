package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.conductd.mail.Severity;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestConductd;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens expire (security.token-max-age, 90 days by default): a reply to older case mail
 * may still ask for STATUS or HELP, or REOPEN, but other commands are refused with a new
 * mail whose own token works.
 */
class TokenExpiryIT extends ConductdIT {

    static final String ALICE = "alice@example.org";
    private String oldNotification;

    @BeforeEach
    void aCaseOpenedThreeMonthsAgo() {
        mail.send("jane@example.net", "Report", "Someone kept following me.", Map.of());
        conductd.settle();
        oldNotification = idOf(mail.receivedBy(ALICE, "case-notification").get(0));
        conductd.stop();
        conductd = new TestConductd(mail, data)
                .withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(91))).start();
    }

    @Test
    void aCommandAnsweringMailOlderThanTheTokenAgeIsRefusedWithAFreshMailToAnswer() throws Exception {
        reply(ALICE, "SEVERITY: high", oldNotification);

        assertNull(theCase().severity(), "nothing applied");
        String refusal = latest(ALICE, "refusal");
        assertTrue(refusal.contains("more than 90 days ago"), refusal);

        var refusals = mail.receivedBy(ALICE, "refusal");
        reply(ALICE, "SEVERITY: high", idOf(refusals.get(refusals.size() - 1)));
        assertEquals(Severity.HIGH, theCase().severity(), "answering the refusal works");
    }

    @Test
    void statusAndHelpStillAnswerOldMail() throws Exception {
        reply(ALICE, "STATUS", oldNotification);

        assertTrue(latest(ALICE, "transcript").contains("State: open"));
        assertTrue(mail.receivedBy(ALICE, "refusal").isEmpty());
    }

    @Test
    void theTokenAgeIsConfigurable() {
        conductd.stop();
        conductd = new TestConductd(mail, data, Map.of("conductd.security.token-max-age", "200d"))
                .withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(91))).start();
        reply(ALICE, "SEVERITY: high", oldNotification);

        assertEquals(Severity.HIGH, theCase().severity());
    }
}
