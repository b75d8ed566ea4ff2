package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.MailboxStateRepository;
import org.conductd.store.MessageRepository;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.Test;

/** Nothing is handled twice, across restarts and mailbox rebuilds (SPEC §3.2, §4). */
class DurabilityIT extends ConductdIT {

    private static final String REPORT = """
            From: Jane <jane@example.net>
            To: conduct@example.org
            Subject: Report
            Message-ID: <report-1@example.net>
            Date: Fri, 20 Nov 2026 10:00:00 +0000

            Someone kept following me.
            """;

    @Test
    void sameMessageIdDeliveredAgainAfterARestartIsNotHandledTwice() {
        mail.deliverRaw(REPORT);
        conductd.settle();
        conductd.stop();

        mail.deliverRaw("Received: from relay.example.net by mx.example.org; Fri, 20 Nov 2026 10:05:00 +0000\n" + REPORT);
        conductd.start();
        conductd.settle();

        assertEquals(1, conductd.bean(CaseRepository.class).count());
        assertEquals(1, mail.receivedBy("jane@example.net", "ack").size());
        assertEquals(1, conductd.bean(MessageRepository.class).findByDispositionOrderById(Disposition.DUPLICATE).size(),
                "the resend is kept, not handled");
        assertTrue(mail.inboxFlags().get(1).contains("$ConductdProcessed"));
    }

    @Test
    void differentMessageReusingAMessageIdIsHandledOnItsOwn() {
        mail.deliverRaw(REPORT);
        mail.deliverRaw(REPORT.replace("Jane <jane@example.net>", "Sam <sam@example.net>")
                .replace("Someone kept following me.", "A different report from a form that reuses ids."));
        conductd.settle();

        assertEquals(2, conductd.bean(CaseRepository.class).count());
        assertEquals(1, mail.receivedBy("sam@example.net", "ack").size());
    }

    @Test
    void identicalBytesDeliveredTwiceAreHandledOnce() {
        mail.deliverRaw(REPORT);
        mail.deliverRaw(REPORT);
        conductd.settle();

        assertEquals(1, conductd.bean(CaseRepository.class).count());
        assertEquals(1, mail.receivedBy("jane@example.net", "ack").size());
        assertTrue(mail.inboxFlags().stream().allMatch(f -> f.contains("$ConductdProcessed")));
    }

    @Test
    void messageCommittedButNotFlaggedBeforeACrashIsFlaggedAndNotHandledAgain() {
        mail.deliverRaw(REPORT);
        conductd.settle();
        conductd.stop();
        mail.clearConductdKeywords();

        conductd.start();
        conductd.settle();

        assertEquals(1, conductd.bean(CaseRepository.class).count());
        assertEquals(1, mail.receivedBy("jane@example.net", "ack").size());
        assertTrue(mail.inboxFlags().get(0).contains("$ConductdProcessed"));
    }

    @Test
    void changedUidValidityRereadsTheFolderWithoutDuplicatingCases() throws Exception {
        mail.deliverRaw(REPORT);
        mail.send("sam@example.net", "Second", "Another report.", Map.of());
        conductd.settle();
        conductd.stop();
        mail.clearConductdKeywords();
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db"));
             var update = db.createStatement()) {
            update.executeUpdate("UPDATE mailbox_state SET uid_validity = 424242");
        }

        conductd.start();
        conductd.settle();

        assertEquals(2, conductd.bean(CaseRepository.class).count());
        assertEquals(1, mail.receivedBy("jane@example.net", "ack").size());
        assertEquals(1, mail.receivedBy("sam@example.net", "ack").size());
        MailboxStateRepository states = conductd.bean(MailboxStateRepository.class);
        assertTrue(states.findById("INBOX").orElseThrow().uidValidity() != 424242L, "the new UIDVALIDITY is recorded");
        assertTrue(mail.inboxFlags().stream().allMatch(f -> f.contains("$ConductdProcessed")));
    }

    @Test
    void databaseFileIsReadableByItsOwnerOnly() throws Exception {
        Path db = data.resolve("conductd.db");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
        Path wal = data.resolve("conductd.db-wal");
        if (Files.exists(wal)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void databaseRunsInWriteAheadLogModeWithFullSync() {
        var tx = (io.micronaut.transaction.TransactionOperations<java.sql.Connection>)
                conductd.bean(io.micronaut.transaction.TransactionOperations.class);
        tx.executeRead(status -> {
            try (var statement = status.getConnection().createStatement()) {
                var mode = statement.executeQuery("PRAGMA journal_mode");
                mode.next();
                assertEquals("wal", mode.getString(1));
                var sync = statement.executeQuery("PRAGMA synchronous");
                sync.next();
                assertEquals(2, sync.getInt(1), "synchronous=FULL");
                return null;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void rawBytesAreStoredExactlyAsFetched() {
        mail.deliverRaw(REPORT);
        conductd.settle();

        byte[] raw = conductd.bean(org.conductd.store.RawMessageRepository.class).findAll().iterator().next().bytes();
        assertTrue(new String(raw, StandardCharsets.UTF_8).contains("Message-ID: <report-1@example.net>"));
    }
}
