package org.conductd.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.conductd.mail.InboundMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a bounce reports, read from its parts or its text. */
class DeliveryReportsTest {

    private final DeliveryReports reports = new DeliveryReports();

    @Nested
    class AReportWithTheReturnedMessage {

        private final DeliveryReport report = reports.read(MailFixtures.parsed("dsn-with-returned-message"));

        @Test
        void namesTheReturnedMessagesId() {
            assertEquals(List.of("c1.0123456789abcdef01234567@example.org"), report.originalMessageIds());
        }

        @Test
        void namesTheRecipientAsTheSenderWroteIt() {
            assertEquals(List.of("jane@example.net"), report.failedRecipients());
        }

        @Test
        void givesTheStatusAndTheUnfoldedDiagnosticWithoutItsType() {
            assertEquals("5.1.1", report.status());
            assertEquals("550 5.1.1 <jane@example.net>: Recipient address rejected: User unknown", report.diagnostic());
        }

        @Test
        void isAFailureNotADelay() {
            assertFalse(report.delayOnly());
        }
    }

    @Nested
    class AReportWithTheReturnedHeaderOnly {

        private final DeliveryReport report = reports.read(MailFixtures.parsed("dsn-with-returned-headers"));

        @Test
        void namesTheReturnedMessagesId() {
            assertEquals(List.of("c3.00112233445566778899aabb.0123456789abcdef0123456789abcdef@example.org"),
                    report.originalMessageIds());
        }

        @Test
        void namesTheFinalRecipientWhenThereIsNoOriginalOne() {
            assertEquals(List.of("bob@example.com"), report.failedRecipients());
            assertEquals("5.2.2", report.status());
            assertEquals("552 5.2.2 Mailbox full", report.diagnostic());
        }
    }

    @Test
    void aDelayWarningIsOnlyADelay() {
        DeliveryReport report = reports.read(MailFixtures.parsed("dsn-delay-notice"));

        assertTrue(report.delayOnly());
        assertEquals(List.of("c2.aabbccddeeff001122334455@example.org"), report.originalMessageIds());
        assertEquals(List.of("sam@slow.example.com"), report.failedRecipients());
        assertEquals("4.4.1", report.status());
    }

    @Nested
    class AQmailPlainTextBounce {

        private final DeliveryReport report = reports.read(MailFixtures.parsed("qmail-plain-text-bounce"));

        @Test
        void findsTheMessageIdInTheReturnedCopy() {
            assertEquals(List.of("c4.ffeeddccbbaa998877665544@example.org"), report.originalMessageIds());
        }

        @Test
        void findsTheRecipientOnItsOwnLine() {
            assertEquals(List.of("kim@qmail.example.com"), report.failedRecipients());
        }

        @Test
        void takesTheStatusFromQmailsClosingCode() {
            assertEquals("5.1.1", report.status());
            assertEquals("Remote host said: 550 sorry, no mailbox here by that name. (#5.1.1)", report.diagnostic());
            assertFalse(report.delayOnly());
        }
    }

    @Test
    void aBounceWithoutReturnedHeadersFallsBackToWhatItAnswers() {
        InboundMessage bounce = MailFixtures.parsedText("""
                From: MAILER-DAEMON@mx.example.net
                To: conduct@example.org
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <b-9@mx.example.net>
                In-Reply-To: <c9.abc@example.org>

                Your message to <lee@example.net> could not be delivered.
                """);

        assertEquals(List.of("c9.abc@example.org"), reports.read(bounce).originalMessageIds());
    }

    @Test
    void recipientsThatWereDeliveredAreNotFailures() {
        InboundMessage bounce = MailFixtures.parsedText("""
                From: MAILER-DAEMON@mx.example.net
                To: conduct@example.org
                Subject: Delivery Status Notification
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; ok@example.net
                Action: delivered
                Status: 2.0.0

                Final-Recipient: rfc822; slow@example.net
                Action: delayed
                Status: 4.4.1

                Final-Recipient: rfc822; gone@example.net
                Action: failed
                Status: 5.1.1
                --b--
                """);

        DeliveryReport report = reports.read(bounce);

        assertEquals(List.of("gone@example.net"), report.failedRecipients());
        assertEquals("5.1.1", report.status());
        assertFalse(report.delayOnly());
    }

    /**
     * The 36 RFC 3464 reports of sisimai's set (the folder named by {@code conductd.corpora};
     * skipped when absent): how many give the original Message-ID and a failed recipient. The
     * one sisimai message conductd cannot parse (no From header) counts as a miss.
     */
    @Test
    void mostSisimaiReportsNameTheirMessageAndRecipient() throws IOException {
        String corpora = System.getProperty("conductd.corpora");
        assumeTrue(corpora != null && Files.isDirectory(Path.of(corpora, "sisimai", "maildir", "bsd")),
                "no corpus folder (system property conductd.corpora): " + corpora);
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(corpora, "sisimai", "maildir", "bsd"))) {
            files = list.filter(p -> p.getFileName().toString().startsWith("rfc3464-")).sorted().toList();
        }
        MessageParser parser = new MessageParser();
        int withId = 0;
        int withRecipient = 0;
        int withBoth = 0;
        List<String> misses = new ArrayList<>();
        for (Path file : files) {
            if (!(parser.parse(Files.readAllBytes(file)) instanceof ParseOutcome.Parsed parsed)) {
                misses.add(file.getFileName() + " (unparseable)");
                continue;
            }
            DeliveryReport report = reports.read(parsed.message());
            boolean id = !report.originalMessageIds().isEmpty();
            boolean recipient = !report.failedRecipients().isEmpty();
            withId += id ? 1 : 0;
            withRecipient += recipient ? 1 : 0;
            withBoth += id && recipient ? 1 : 0;
            if (!(id && recipient)) {
                misses.add(file.getFileName() + (id ? "" : " (no id)") + (recipient ? "" : " (no recipient)"));
            }
        }
        System.out.printf("sisimai RFC 3464: %d reports, %d with the original Message-ID, %d with a failed recipient, "
                + "%d with both; missed: %s%n", files.size(), withId, withRecipient, withBoth, misses);

        assertEquals(36, files.size());
        assertTrue(withBoth >= 29, "reports naming their message and recipient: " + withBoth + "; missed " + misses);
    }
}
