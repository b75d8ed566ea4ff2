package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import java.util.List;
import java.util.Map;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.MessageRepository;
import org.conductd.store.QuarantineRepository;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;

/** The reports the database-fault tests send while storage fails, and what must hold once it works again. */
final class StorageFaults {

    static final List<String> REPORTERS = List.of("jane@example.net", "sam@example.net", "kim@example.net");

    private StorageFaults() {
    }

    static void sendReports(TestMail mail) {
        for (int i = 0; i < REPORTERS.size(); i++) {
            mail.send(REPORTERS.get(i), "Report " + i, "Something happened to me at the venue, number " + i + ".", Map.of());
        }
    }

    /** While storage fails nothing is committed, so nothing may be marked on the server. */
    static void assertNothingMarked(TestMail mail) {
        for (Flags flags : mail.inboxFlags()) {
            assertTrue(flags.getUserFlags().length == 0 && !flags.contains(Flags.Flag.SEEN),
                    "nothing is marked on the server while nothing is committed: " + List.of(flags.getUserFlags()));
        }
    }

    /** Every report one case, acknowledged once, stored once, flagged processed; nothing quarantined. */
    static void assertEachReportHandledOnce(TestConductd conductd, TestMail mail) {
        assertEquals(REPORTERS.size(), conductd.bean(CaseRepository.class).count());
        for (String reporter : REPORTERS) {
            assertEquals(1, mail.receivedBy(reporter, "ack").size(), reporter);
        }
        assertEquals(0, conductd.bean(QuarantineRepository.class).count());
        assertEquals(REPORTERS.size(), conductd.bean(MessageRepository.class)
                .findByDispositionOrderById(Disposition.REPORT).size(), "each report stored once");
        for (Flags flags : mail.inboxFlags()) {
            assertTrue(flags.contains("$ConductdProcessed") && flags.contains(Flags.Flag.SEEN), flags.toString());
            assertFalse(flags.contains("$ConductdQuarantined"), flags.toString());
        }
    }
}
