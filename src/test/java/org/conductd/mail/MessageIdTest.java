package org.conductd.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIdTest {

    @Test
    void referencesYieldEveryBracketedIdInOrder() {
        assertEquals(List.of("a@x.org", "b@Y.org".substring(0, 2) + "y.org"),
                MessageId.parseAll("<a@x.org>\r\n <b@Y.ORG>"));
    }

    @Test
    void domainPartIsCaseInsensitiveButLocalPartIsNot() {
        assertEquals("AbC@example.org", MessageId.normalise("AbC@Example.ORG"));
    }

    @Test
    void headerWithoutAnIdGivesNull() {
        assertNull(MessageId.parseOne("   "));
        assertNull(MessageId.parseOne(null));
    }

    @Test
    void unbracketedIdIsAcceptedAsWritten() {
        assertEquals("abc@host", MessageId.parseOne(" abc@host "));
    }

    @Test
    void headerCutShortHoldsNoId() {
        assertNull(MessageId.parseOne("<1234567890-1234-456"));
        assertNull(MessageId.parseOne("abc@host>"));
    }

    @Test
    void idWithAControlCharacterIsNoId() {
        assertNull(MessageId.parseOne("<abc\u0001@host>"));
        assertEquals(List.of("b@host"), MessageId.parseAll("<a\u0000@host> <b@host>"));
    }
}
