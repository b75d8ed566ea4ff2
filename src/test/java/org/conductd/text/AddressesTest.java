package org.conductd.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.conductd.mail.EmailAddress;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void aBareAddressIsReadInLowerCaseWithoutItsBlanks() {
        assertEquals(Optional.of(EmailAddress.of("jan@example.net")), Addresses.parse("  Jan@Example.NET "));
    }

    @Test
    void anAddressWithoutADottedDomainIsStillAnAddress() {
        assertEquals(Optional.of(EmailAddress.of("conduct@localhost")), Addresses.parse("conduct@localhost"));
    }

    @Test
    void aNameOrBracketsAreNotABareAddress() {
        assertEquals(Optional.empty(), Addresses.parse("Jan <jan@example.net>"));
        assertEquals(Optional.empty(), Addresses.parse("<jan@example.net>"));
        assertEquals(Optional.empty(), Addresses.parse("jan@example.net (Jan)"));
    }

    @Test
    void malformedAddressesAreRefused() {
        for (String bad : new String[] {"", "jan", "jan@", "@example.net", "a b@example.net", "a..b@example.net",
                "jan@example.net, sam@example.net", "jan@@example.net"}) {
            assertEquals(Optional.empty(), Addresses.parse(bad), bad);
        }
        assertEquals(Optional.empty(), Addresses.parse(null));
    }

    @Test
    void addressesAreFoundInsideFreeText() {
        assertTrue(Addresses.occurIn("write to jan@example.net today"));
        assertTrue(Addresses.occurIn("\"jan doe\"@example.net"));
        assertFalse(Addresses.occurIn("meet @ the bar"));
    }
}
