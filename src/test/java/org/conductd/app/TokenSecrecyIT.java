package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conductd.reports.CaseListing;
import org.conductd.reports.IncidentLog;
import org.conductd.reports.WeeklyDigest;
import org.conductd.support.ConductdIT;
import org.conductd.support.LogCapture;
import org.conductd.support.ScriptedSmtpServer;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's token (the Message-ID of the mail conductd sent them about a case) is known to
 * that member alone: when mail fails, whether refused by the SMTP server in words that quote
 * its Message-ID or bounced with a report that carries it, no token reaches a case event, a
 * log line, the STATUS answer, {@code case N}, the digest, the incident log, or any mail but
 * the member's own.
 */
class TokenSecrecyIT {

    private static final String REPORTER = "jane@example.net";
    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";
    private static final String CAROL = "carol@example.org";
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*<([^>\\r\\n]+)>");
    /** Where a token's MAC sits in a Message-ID conductd issued: {@code c<case>.<nonce>.<mac>@domain}. */
    private static final Pattern TOKEN = Pattern.compile("c\\d+\\.[0-9a-f]{24}\\.([0-9a-f]{32})@.+");
    private static final List<String> THREADING_HEADERS = List.of("message-id", "in-reply-to", "references");

    @TempDir
    Path data;
    private TestMail mail;
    private ScriptedSmtpServer smtp;
    private LogCapture log;
    private TestConductd conductd;

    @BeforeEach
    void start() {
        mail = new TestMail();
        // Mail to Bob and to the reporter is refused after its text, in words that quote its Message-ID
        // bracketed, as Postfix does, and bare, as some content filters do.
        smtp = new ScriptedSmtpServer().onData(message -> {
            if (!message.recipients().contains(BOB) && !message.recipients().contains(REPORTER)) {
                return "250 2.0.0 Ok: queued";
            }
            String id = messageId(message.data());
            return "554 5.7.1 <" + id + ">: message refused; filter kept " + id.substring(0, id.indexOf('@'));
        });
        log = new LogCapture();
        conductd = new TestConductd(mail, data, Map.of("conductd.smtp.port", smtp.port())).start();
    }

    @AfterEach
    void stop() {
        conductd.close();
        log.close();
        smtp.close();
        mail.close();
    }

    @Test
    void noTokenIsStoredLoggedOrShownWhenMailToMembersAndTheReporterFails() throws Exception {
        mail.send(REPORTER, "Report", "Someone was rude to me at the social.", Map.of());
        conductd.settle();
        String toCarol = messageId(smtp.acceptedFor(CAROL).get(0).data());
        String toAlice = messageId(smtp.acceptedFor(ALICE).get(0).data());
        mail.deliverRaw(bounce("bounce-1", CAROL, toCarol, "5.2.2"));
        // A report whose Status field has no code but the Message-ID: kept as the report's status.
        mail.deliverRaw(bounce("bounce-2", ALICE, toAlice, "failed for <" + toAlice + ">"));
        conductd.settle();
        for (String command : List.of("SEVERITY: low", "STATUS")) {
            mail.send(ALICE, "Re: [CoC #1]", command,
                    Map.of("In-Reply-To", "<" + toAlice + ">", "References", "<" + toAlice + ">"));
            conductd.settle();
        }

        List<String> tokens = issuedTokens();
        assertFalse(tokens.isEmpty(), "tokens were issued");
        String status = statusAnswerToAlice();
        assertTrue(status.contains("Severity: low"), "Alice's reply was taken as hers: " + status);

        CaseListing listing = conductd.bean(CaseListing.class);
        StringBuilder exportLog = new StringBuilder();
        conductd.bean(IncidentLog.class).writeCsv(exportLog);
        List<String> shown = new ArrayList<>();
        shown.add("STATUS answer\n" + status);
        shown.add("case 1\n" + listing.record(1).orElseThrow());
        shown.add("cases\n" + listing.list());
        shown.add("digest\n" + conductd.bean(WeeklyDigest.class).preview(conductd.bean(Clock.class).instant()));
        shown.add("export-log\n" + exportLog);
        for (String text : query("SELECT 'event ' || kind || ': ' || detail FROM events WHERE detail IS NOT NULL")) {
            shown.add(text);
        }
        for (String text : query("SELECT 'outbox ' || id || ': ' || coalesce(last_error, '') || ' / '"
                + " || coalesce(bounce_detail, '') FROM outbox")) {
            shown.add(text);
        }
        for (String line : log.lines(Level.TRACE)) {
            shown.add("log: " + line);
        }

        for (String text : shown) {
            assertNoTokenIn(text, tokens, List.of());
        }
        assertEveryMailCarriesOnlyItsOwnMembersTokens(tokens);
    }

    /** Every Message-ID conductd put on mail to a member, from the outbox. */
    private List<String> issuedTokens() throws Exception {
        List<String> tokens = query("SELECT message_id FROM outbox WHERE member IS NOT NULL");
        for (String token : tokens) {
            assertTrue(TOKEN.matcher(token).matches(), "a member's Message-ID carries a token: " + token);
        }
        assertTrue(query("SELECT message_id FROM outbox WHERE member = '" + BOB + "' AND state = 'FAILED'").size() > 0,
                "mail to Bob was refused");
        return tokens;
    }

    /**
     * Every queued message, sent or refused: its bodies and headers hold no token, except that
     * the threading headers of mail to a member name that member's own.
     */
    private void assertEveryMailCarriesOnlyItsOwnMembersTokens(List<String> tokens) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection db = database(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT id, member, raw FROM outbox ORDER BY id")) {
            while (r.next()) {
                rows.add(new String[] {r.getString(1), r.getString(2), new String(r.getBytes(3), StandardCharsets.UTF_8)});
            }
        }
        assertTrue(rows.size() > 10, "mail to everyone of the case, alerts and the STATUS answer: " + rows.size());
        for (String[] row : rows) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(row[2].getBytes(StandardCharsets.UTF_8)));
            List<String> own = row[1] == null ? List.of() : query("SELECT message_id FROM outbox WHERE member = '" + row[1] + "'");
            for (Header h : Collections.list(m.getAllHeaders())) {
                boolean threading = THREADING_HEADERS.contains(h.getName().toLowerCase(Locale.ROOT));
                assertNoTokenIn("outbox " + row[0] + " header " + h.getName() + ": " + h.getValue(), tokens,
                        threading ? own : List.of());
            }
            assertNoTokenIn("outbox " + row[0] + " text\n" + texts(m), tokens, List.of());
        }
    }

    private static void assertNoTokenIn(String text, List<String> tokens, List<String> allowed) {
        for (String token : tokens) {
            if (allowed.contains(token)) {
                continue;
            }
            Matcher m = TOKEN.matcher(token);
            assertTrue(m.matches(), token);
            // The MAC alone is what proves a reply; the rest of the id is no secret.
            if (text.toLowerCase(Locale.ROOT).contains(m.group(1))) {
                fail("a token (" + token + ") in:\n" + text);
            }
        }
    }

    /** Every part of a message, as decoded text. */
    private static String texts(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(texts(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        if (content instanceof String text) {
            return text;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String statusAnswerToAlice() throws Exception {
        List<ScriptedSmtpServer.Accepted> toAlice = smtp.acceptedFor(ALICE);
        for (int i = toAlice.size() - 1; i >= 0; i--) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(toAlice.get(i).data().getBytes(StandardCharsets.UTF_8)));
            if ("transcript".equals(TestMail.header(m, "X-Conductd-Kind"))) {
                return ConductdIT.body(m);
            }
        }
        throw new AssertionError("no answer to Alice's STATUS");
    }

    private List<String> query(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection db = database(); Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db") + "?busy_timeout=10000");
    }

    private static String messageId(String message) {
        Matcher m = MESSAGE_ID.matcher(message);
        assertTrue(m.find(), message);
        return m.group(1);
    }

    /**
     * A delivery report about {@code originalId} (unbracketed) that carries it everywhere a
     * mail server might: in its text, its diagnostic and the returned header.
     */
    private static String bounce(String bounceId, String recipient, String originalId, String status) {
        return """
                Return-Path: <>
                From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
                To: conduct@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                Message-ID: <%1$s@mx.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

                --dsn
                Content-Type: text/plain; charset=us-ascii

                Your message <%3$s> could not be delivered to %2$s.
                It was queued as %4$s.

                  Message-ID: <%3$s>
                --dsn
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; %2$s
                Action: failed
                Status: %5$s
                Diagnostic-Code: smtp; 552 5.2.2 <%3$s>: mailbox full (%4$s)
                --dsn
                Content-Type: text/rfc822-headers

                From: Test Conf Code of Conduct team <conduct@example.org>
                To: %2$s
                Subject: [CoC #1] Report
                Message-ID: <%3$s>
                --dsn--
                """.formatted(bounceId, recipient, originalId, originalId.substring(0, originalId.indexOf('@')), status);
    }
}
