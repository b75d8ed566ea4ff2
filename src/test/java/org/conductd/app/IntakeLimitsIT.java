package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.conductd.ingest.MessageParser;
import org.conductd.ingest.ParseOutcome;
import org.conductd.store.CaseRepository;
import org.conductd.store.QuarantineEntry;
import org.conductd.store.QuarantineRepository;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No single message can hold up the intake: one that takes longer than the message budget
 * to read, or has more MIME parts than allowed, is kept raw and quarantined, and the mail
 * around it is handled as usual.
 */
class IntakeLimitsIT {

    /** Stands for a step that never ends on some input nobody foresaw; released after each test. */
    private static final AtomicBoolean RELEASE = new AtomicBoolean();

    @TempDir
    Path data;
    private TestMail mail;

    /** The real parser, except that it never finishes with a message carrying {@code X-Test: never-ends}. */
    private static final class NeverEndingParser extends MessageParser {
        @Override
        public ParseOutcome parse(byte[] raw) {
            if (new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).contains("X-Test: never-ends")) {
                while (!RELEASE.get()) {
                    Thread.onSpinWait();
                }
            }
            return super.parse(raw);
        }
    }

    @BeforeEach
    void startMail() {
        RELEASE.set(false);
        mail = new TestMail();
    }

    @AfterEach
    void stopMail() {
        RELEASE.set(true);
        mail.close();
    }

    private static String report(String from, String extraHeader) {
        return """
                From: %s
                To: conduct@example.org
                Subject: Report
                Message-ID: <%s>
                %s
                Someone kept following me.
                """.formatted(from, from.replace("@", ".") + "@example.net", extraHeader);
    }

    private static List<String> reasons(TestConductd conductd) {
        List<String> reasons = new java.util.ArrayList<>();
        for (QuarantineEntry q : conductd.bean(QuarantineRepository.class).findAll()) {
            reasons.add(q.reason());
        }
        return reasons;
    }

    @Test
    void messageOverTheBudgetIsQuarantinedAndTheMailAroundItIsHandled() {
        try (TestConductd conductd = new TestConductd(mail, data, Map.of("conductd.message-budget", "1s"))
                .withBean(new NeverEndingParser()).start()) {
            mail.deliverRaw(report("before@example.net", ""));
            mail.deliverRaw(report("stuck@example.net", "X-Test: never-ends\n"));
            mail.deliverRaw(report("after@example.net", ""));
            conductd.settle();

            assertEquals(2, conductd.bean(CaseRepository.class).count());
            assertEquals(1, mail.receivedBy("before@example.net", "ack").size());
            assertEquals(1, mail.receivedBy("after@example.net", "ack").size());
            assertEquals(0, mail.receivedBy("stuck@example.net", "ack").size());
            List<String> reasons = reasons(conductd);
            assertEquals(1, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).contains("longer than 1000 ms"), reasons.get(0));
            assertTrue(mail.inboxFlags().get(1).contains("$ConductdQuarantined"));

            mail.deliverRaw(report("later@example.net", ""));
            conductd.settle();
            assertEquals(1, mail.receivedBy("later@example.net", "ack").size(), "the intake goes on");
        }
    }

    @Test
    void messageWithMoreMimePartsThanAllowedIsQuarantined() {
        try (TestConductd conductd = new TestConductd(mail, data, Map.of("conductd.max-mime-parts", "20")).start()) {
            StringBuilder many = new StringBuilder("""
                    From: many@example.net
                    To: conduct@example.org
                    Subject: Report
                    Message-ID: <many@example.net>
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary=b

                    """);
            for (int i = 0; i < 21; i++) {
                many.append("--b\nContent-Type: text/plain\n\npart ").append(i).append('\n');
            }
            mail.deliverRaw(many.append("--b--\n").toString());
            mail.deliverRaw(report("fine@example.net", ""));
            conductd.settle();

            assertEquals(1, conductd.bean(CaseRepository.class).count());
            assertEquals(1, mail.receivedBy("fine@example.net", "ack").size());
            List<String> reasons = reasons(conductd);
            assertEquals(1, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).contains("more than 20 MIME parts"), reasons.get(0));
        }
    }
}
