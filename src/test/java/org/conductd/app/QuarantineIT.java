package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.conductd.store.CaseRepository;
import org.conductd.store.QuarantineRepository;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.Test;

/** Mail that cannot be handled is kept raw, flagged, reported once an hour, and ingest carries on (SPEC §4). */
class QuarantineIT extends ConductdIT {

    @Override
    protected Map<String, Object> overrides() {
        return Map.of("conductd.max-message-size", "20KB");
    }

    @Test
    void messageWithoutAnySenderIsQuarantinedAndTheNextMessageIsStillHandled() {
        mail.deliverRaw("""
                To: conduct@example.org
                Subject: no sender at all
                Message-ID: <nosender@example.net>

                Who sent this?
                """);
        mail.send("jane@example.net", "A real report", "Text.", Map.of());
        conductd.settle();

        assertTrue(mail.inboxFlags().get(0).contains("$ConductdQuarantined"));
        assertFalse(mail.inboxFlags().get(0).contains("$ConductdProcessed"));
        assertTrue(mail.inboxFlags().get(1).contains("$ConductdProcessed"));
        assertEquals(1, conductd.bean(CaseRepository.class).count());
        assertEquals(1, conductd.bean(QuarantineRepository.class).count());
    }

    @Test
    void secondCopyOfQuarantinedMailIsMarkedQuarantinedToo() {
        String raw = "To: conduct@example.org\nSubject: twice broken\nMessage-ID: <twice@example.net>\n\nno sender\n";
        mail.deliverRaw(raw);
        conductd.settle();
        mail.deliverRaw(raw);
        conductd.settle();

        for (int i = 0; i < 2; i++) {
            assertTrue(mail.inboxFlags().get(i).contains("$ConductdQuarantined"), "copy " + i);
            assertFalse(mail.inboxFlags().get(i).contains("$ConductdProcessed"), "copy " + i);
        }
        assertEquals(1, conductd.bean(QuarantineRepository.class).count());
    }

    @Test
    void oversizedMessageIsKeptInAPrivateFileAndQuarantined() throws Exception {
        String big = "x".repeat(80) + "\n";
        mail.send("jane@example.net", "Huge", big.repeat(600), Map.of());
        conductd.settle();

        assertTrue(mail.inboxFlags().get(0).contains("$ConductdQuarantined"));
        assertEquals(0, conductd.bean(CaseRepository.class).count());
        String notice = IntakeIT.body(mail.receivedBy("bob@example.org", "quarantine-notice").get(0));
        assertTrue(notice.contains("max-message-size"), notice);
        assertFalse(notice.contains("jane@example.net") || notice.contains("Huge"), "sender and subject stay private");
        var stored = conductd.bean(org.conductd.store.MessageRepository.class)
                .findByDispositionOrderById(org.conductd.store.Disposition.QUARANTINED).get(0);
        assertEquals("Huge", stored.subject(), "what could be read of the header is kept for whoever runs conductd");
        try (var files = java.nio.file.Files.list(data.resolve("oversized"))) {
            Path kept = files.findFirst().orElseThrow();
            assertTrue(new String(java.nio.file.Files.readAllBytes(kept), StandardCharsets.UTF_8).contains("Subject: Huge"));
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(kept)), "only the owner may read it, whatever the umask");
        }
    }

    @Test
    void responderIsToldOnceAboutEveryQuarantinedMessage() throws Exception {
        mail.deliverRaw("To: conduct@example.org\nSubject: first broken\n\nno sender\n");
        conductd.settle();
        mail.deliverRaw("To: conduct@example.org\nSubject: second broken\n\nno sender\n");
        conductd.settle();

        var notices = mail.receivedBy("alice@example.org", "quarantine-notice");
        assertEquals(1, notices.size(), "at most one notice an hour");
        String notice = IntakeIT.body(notices.get(0));
        assertTrue(notice.contains("no usable From"), notice);
        assertFalse(notice.contains("first broken"), "the subject is not shown to the whole team");
        assertEquals(2, conductd.bean(QuarantineRepository.class).count());
        assertTrue(conductd.bean(QuarantineRepository.class).findUnnotified().size() == 1,
                "the second waits for the next notice");
    }
}
