package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
