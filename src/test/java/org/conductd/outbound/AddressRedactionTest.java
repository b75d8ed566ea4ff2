package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What is kept of a mail server's words: one short line naming no email address. */
class AddressRedactionTest {

    @Test
    void everyEmailAddressIsReplaced() {
        String text = AddressRedaction.forTheRecord(
                "550 5.1.1 <jane@example.net>: Recipient address rejected; to=jane.doe+cc@mail.example.net, "
                        + "\"Jane Doe\"@example.net and bob@[192.0.2.1] unknown");

        assertEquals("550 5.1.1 <[address]>: Recipient address rejected; [address], [address] and [address] unknown", text);
    }

    @Test
    void aMultiLineReplyIsKeptOnOneLine() {
        assertEquals("550-5.1.1 first line 550 5.1.1 second line",
                AddressRedaction.forTheRecord("550-5.1.1 first line\r\n550 5.1.1 second line\r\n"));
    }

    @Test
    void aLongReplyIsCutTo500Characters() {
        assertEquals(500, AddressRedaction.forTheRecord("550 " + "x".repeat(1000)).length());
    }

    @Test
    void anAddressIsReplacedBeforeTheTextIsCut() {
        String text = AddressRedaction.forTheRecord("x".repeat(495) + " jane@example.net");

        assertFalse(text.contains("jane"), text);
    }

    @Test
    void aQuotedMessageIdIsReplacedWithOrWithoutItsDomain() {
        String token = "c12.0123456789abcdef01234567.89abcdef0123456789abcdef01234567";

        assertEquals("554 5.7.1 <[address]> refused, held as c12.[id].[id]",
                AddressRedaction.forTheRecord("554 5.7.1 <" + token + "@example.org> refused, held as " + token));
    }

    @Test
    void shortHexSuchAsAQueueIdIsKept() {
        assertEquals("250 2.0.0 Ok: queued as 3F2A1B9C0D", AddressRedaction.forTheRecord("250 2.0.0 Ok: queued as 3F2A1B9C0D"));
    }

    @Test
    void aHexRunIsAnIdFromTwentyFourDigitsOnAndOneIdHoweverLong() {
        String nonce = "0123456789abcdef01234567";

        assertEquals("kept " + nonce.substring(1), AddressRedaction.forTheRecord("kept " + nonce.substring(1)));
        assertEquals("held as x[id]y", AddressRedaction.forTheRecord("held as x" + nonce + "y"));
        assertEquals("held as [id]", AddressRedaction.forTheRecord("held as " + nonce + "89ABCDEF" + nonce));
    }

    @Test
    void anAddressRightAfterAnAddressLiteralIsReplacedToo() {
        assertEquals("550 [address][address] and [address]",
                AddressRedaction.forTheRecord("550 jane@[192.0.2.1]bob@example.org and \"Ann B\"@example.net"));
    }

    @Test
    void aLongRunWithoutAnAtSignTakesLinearTime() {
        String text = "0123456789abcdef".repeat(50_000) + "x";

        // Quadratic time would take hours here; linear takes milliseconds.
        String redacted = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> AddressRedaction.withoutAddresses(text));

        assertTrue("[id]x".equals(redacted), "redacted to " + redacted.length() + " characters");
    }
}
