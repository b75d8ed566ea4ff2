package org.conductd.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttachmentNameTest {

    @Test
    void unixPathIsReducedToItsLastSegment() {
        assertEquals("passwd", AttachmentName.forDisplay("../../etc/passwd"));
    }

    @Test
    void windowsPathIsReducedToItsLastSegment() {
        assertEquals("report.docx", AttachmentName.forDisplay("C:\\Users\\a\\report.docx"));
    }

    @Test
    void lineBreaksAndControlCharactersAreRemoved() {
        assertEquals("ab.txt", AttachmentName.forDisplay("a\r\nb\u0000.txt"));
    }

    @Test
    void bidiOverrideCannotDisguiseTheExtension() {
        assertEquals("invoicefdp.exe", AttachmentName.forDisplay("invoice\u202Efdp.exe"));
    }

    @Test
    void nothingLeftMeansNoName() {
        assertNull(AttachmentName.forDisplay("../"));
        assertNull(AttachmentName.forDisplay(".."));
        assertNull(AttachmentName.forDisplay("  "));
    }

    @Test
    void longNameIsCappedButKeepsItsExtension() {
        String capped = AttachmentName.forDisplay("x".repeat(500) + ".pdf");
        assertEquals(AttachmentName.MAX_LENGTH, capped.length());
        assertTrue(capped.endsWith("\u2026.pdf"));
    }
}
