package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.conductd.outbound.ReporterScrubber;
import org.conductd.reports.CaseListing;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestConductd;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An anonymous reporter's name and address never reach the team (SPEC §3.1), not even where
 * their own mail client wrote them into the text: the header block above quoted text, a
 * signature, a forwarded message, a file name.
 */
class AnonymousReporterIT extends ConductdIT {

    private static final String NAME = "Jane Reporter";
    private static final String ADDRESS = "jane.r@home.example";
    private static final String ALICE = "alice@example.org";

    /** Everything a mail shows its reader: subject, every text and HTML part, every file name. */
    private static String shown(MimeMessage m) throws Exception {
        List<String> parts = new ArrayList<>();
        parts.add(m.getSubject());
        collect(m, parts);
        return String.join("\n", parts);
    }

    private static void collect(Part part, List<String> into) throws Exception {
        if (part.getFileName() != null) {
            into.add(part.getFileName());
        }
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), into);
            }
        } else if (content instanceof String text) {
            into.add(text);
        }
    }

    private static void assertNoTraceOfTheReporter(String shown) {
        String lower = shown.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("jane"), "neither name nor local part: " + shown);
        assertFalse(lower.contains("home.example"), "no address: " + shown);
    }

    private static String fixture(String scenario) throws IOException {
        try (InputStream in = AnonymousReporterIT.class.getResourceAsStream("/mail/" + scenario + ".eml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String openAnonymousCase() {
        mail.send(NAME + " <" + ADDRESS + ">", "Anonymous report", "I saw something at the booth.\n\n" + NAME,
                Map.of());
        conductd.settle();
        return idOf(mail.receivedBy(ADDRESS, "ack").get(0));
    }

    private void replyFrom(String client, String ackId) throws IOException {
        mail.deliverRaw(fixture("anonymous-reply-" + client).replace("{{ACK}}", ackId));
        conductd.settle();
    }

    @Nested
    class RepliesToTheAcknowledgement {

        @ParameterizedTest
        @ValueSource(strings = {"outlook", "owa", "gmail", "apple-mail"})
        void everyRelayLeavesOutTheReportersNameAndAddress(String client) throws Exception {
            replyFrom(client, openAnonymousCase());

            for (String[] member : TestConductd.TEAM) {
                List<MimeMessage> relays = mail.receivedBy(member[1], "relay");
                assertEquals(1, relays.size(), member[1]);
                String shown = shown(relays.get(0));
                assertTrue(shown.contains("It happened again today, at the registration desk."), shown);
                assertTrue(shown.contains("Reporter (anonymous, case 1)"), shown);
                assertNoTraceOfTheReporter(shown);
            }
        }

        @Test
        void theConductAddressInTheQuotedHeaderBlockStays() throws Exception {
            replyFrom("outlook", openAnonymousCase());

            String relay = body(mail.receivedBy(ALICE, "relay").get(0));
            assertTrue(relay.contains("From: Test Conf Code of Conduct team <conduct@example.org>"), relay);
            assertTrue(relay.contains("To: " + ReporterScrubber.REPLACEMENT + " <" + ReporterScrubber.REPLACEMENT + ">"),
                    relay);
        }

        @Test
        void aSecondAddressRecordedForTheReporterIsLeftOutToo() throws Exception {
            openAnonymousCase();
            reply(ALICE, "REPORTER: J. R. <jr@work.example>", idOf(mail.receivedBy(ALICE, "case-notification").get(0)));

            mail.send("jr@work.example", "Re: [CoC #1] from my work address",
                    "Writing from work.\n\nJane Reporter\njr@work.example | jane.r@home.example", Map.of());
            conductd.settle();

            String shown = shown(mail.receivedBy("bob@example.org", "relay").get(0));
            assertTrue(shown.contains("Writing from work."), shown);
            assertNoTraceOfTheReporter(shown);
            assertFalse(shown.contains("jr@work.example"), shown);
            assertNoTraceOfTheReporter(shown(mail.receivedBy(ALICE, "transcript").get(0)));
        }

        @Test
        void aDraftShowsApproversWhatIsSentAndNeitherNamesTheReporter() throws Exception {
            openAnonymousCase();
            reply(ALICE, "REPLY: reporter\nThank you, Jane Reporter. We are looking into it.",
                    idOf(mail.receivedBy(ALICE, "case-notification").get(0)));

            String request = shown(mail.receivedBy("bob@example.org", "approval-request").get(0));
            assertTrue(request.contains("Thank you, " + ReporterScrubber.REPLACEMENT + ". We are looking into it."),
                    request);
            assertNoTraceOfTheReporter(request);
        }
    }

    @Test
    void anAnonymousReportersFilesAreListedButNeverAttached() throws Exception {
        mail.deliverRaw("""
                From: %s <%s>
                To: conduct@example.org
                Subject: Anonymous report
                Message-ID: <anon-files@home.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                I am forwarding what they sent me.
                --b
                Content-Type: message/rfc822
                Content-Disposition: attachment; filename="forwarded.eml"

                From: Mallory Example <mallory@example.com>
                To: %s <%s>
                Subject: you

                You were out of line.
                --b--
                """.formatted(NAME, ADDRESS, NAME, ADDRESS));
        conductd.settle();

        for (String[] member : TestConductd.TEAM) {
            MimeMessage note = mail.receivedBy(member[1], "case-notification").get(0);
            String shown = shown(note);
            assertTrue(shown.contains("forwarded.eml") && shown.contains("not attached"), shown);
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            note.writeTo(raw);
            assertFalse(raw.toString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("home.example"),
                    "not in any part, encoded or not");
        }
    }

    @Nested
    class AReportForwardingMailInline {

        private void openIt() throws IOException {
            mail.deliverRaw(fixture("anonymous-report-forwarding-mail"));
            conductd.settle();
        }

        @Test
        void theNotificationsLeaveOutTheReporterInTheForwardedHeadersTextAndFileNames() throws Exception {
            openIt();

            for (String[] member : TestConductd.TEAM) {
                List<MimeMessage> notes = mail.receivedBy(member[1], "case-notification");
                assertEquals(1, notes.size(), member[1]);
                String shown = shown(notes.get(0));
                assertTrue(shown.contains("From: Mallory Example <mallory@example.com>"), "others stay: " + shown);
                assertTrue(shown.contains("You were out of line, " + ReporterScrubber.REPLACEMENT + "."), shown);
                assertTrue(shown.contains(ReporterScrubber.REPLACEMENT + " - screenshot.png"), shown);
                assertNoTraceOfTheReporter(shown);
            }
        }

        @Test
        void statusAndTheCaseRecordLeaveOutTheReporter() throws Exception {
            openIt();
            reply(ALICE, "STATUS", idOf(mail.receivedBy(ALICE, "case-notification").get(0)));

            MimeMessage status = mail.receivedBy(ALICE, "transcript").stream()
                    .filter(m -> subject(m).endsWith(": status")).findFirst().orElseThrow();
            assertNoTraceOfTheReporter(shown(status));
            String record = conductd.bean(CaseListing.class).record(1).orElseThrow();
            assertTrue(record.contains("You were out of line"), record);
            assertTrue(record.contains("mallory@example.com"), record);
            assertNoTraceOfTheReporter(record);
        }
    }

    @Test
    void aCaseThatIsNotAnonymousStillShowsTheReporter() throws Exception {
        mail.send(NAME + " <" + ADDRESS + ">", "Harassment at the party", "Someone kept following me.", Map.of());
        conductd.settle();
        replyFrom("outlook", idOf(mail.receivedBy(ADDRESS, "ack").get(0)));

        String relay = shown(mail.receivedBy(ALICE, "relay").get(0));
        assertTrue(relay.contains("From: " + NAME + " <" + ADDRESS + ">"), relay);
        assertTrue(shown(mail.receivedBy(ALICE, "case-notification").get(0)).contains(NAME + " <" + ADDRESS + ">"));
        assertTrue(conductd.bean(CaseListing.class).record(1).orElseThrow().contains(ADDRESS));
    }
}
