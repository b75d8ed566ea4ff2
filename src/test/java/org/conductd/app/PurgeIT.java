package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.conductd.mail.Severity;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestConductd;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code purge --closed-before DATE} (SPEC §2) against the running daemon's database: a case
 * closed before the date keeps no personal data anywhere in conductd's files, and still
 * counts for the transparency report. GreenMail keeps its own copies of the mail; only
 * conductd's data directory is searched.
 */
class PurgeIT extends ConductdIT {

    static final String ALICE = "alice@example.org";
    static final String BOB = "bob@example.org";
    static final String REPORTER = "zq@example.net";

    /** What only the case to purge contains: the report, its attachment, a note, the reporter. */
    static final List<String> PURGED = List.of("PURPLE-ELEPHANT-7", "Zebedee", "Quux", REPORTER, "zebedee-notes",
            "report-to-purge@example.net");
    static final String KEPT = "TANGERINE-OTTER-3";

    static final String TOMORROW = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void oneCaseClosedAndOneOpen() {
        byte[] report;
        try (InputStream in = getClass().getResourceAsStream("/mail/report-with-attachment-to-purge.eml")) {
            report = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        mail.deliverRaw(new String(report, StandardCharsets.UTF_8));
        conductd.settle();
        // The same report again with another transport header: kept as a duplicate in no case.
        mail.deliverRaw("Received: from relay.example.net by mx.example.org\n" + new String(report, StandardCharsets.UTF_8));
        conductd.settle();
        reply(ALICE, "SEVERITY: high\nNOTE: PURPLE-ELEPHANT-7 staff saw it too\nWHEN: Friday 22:00\n"
                + "WHERE: the PURPLE-ELEPHANT-7 stand\nSUMMARY: Zebedee Quux was followed\n"
                + "PUBLIC-SUMMARY: an attendee was warned");
        reply(ALICE, "RESOLVE: warning\nDear Zebedee Quux, we spoke to the person from the PURPLE-ELEPHANT-7 stand.");
        List<MimeMessage> requests = mail.receivedBy(BOB, "approval-request");
        reply(BOB, "APPROVE", idOf(requests.get(requests.size() - 1)));
        reply(ALICE, "CLOSE");
        assertEquals(CaseState.CLOSED, caseOne().state(), "set-up: case 1 is closed");
        assertEquals("warning", caseOne().resolution(), "set-up: case 1 was resolved");

        mail.send("Olive Other <oo@example.net>", "Another report", "It happened at " + KEPT + ".", Map.of());
        conductd.settle();
    }

    void reply(String member, String text) {
        reply(member, text, idOf(mail.receivedBy(member, "case-notification").get(0)));
    }

    CaseRecord caseOne() {
        return conductd.bean(CaseRepository.class).findById(1L).orElseThrow();
    }

    /** Runs {@code conductd purge ...} in this JVM against the test's database, with {@code stdin} as input. */
    Result purge(String stdin, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == PurgeCommand.class) {
                    return type.cast(new PurgeCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                            () -> Contexts.startWith(TestConductd.properties(mail, data))));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> line = new ArrayList<>(List.of("purge"));
        line.addAll(List.of(args));
        int exit = Main.execute(factory, new PrintWriter(out, true), new PrintWriter(err, true), line.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db") + "?busy_timeout=10000");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every file conductd keeps: the database, its -wal and -shm files, oversized mail. */
    List<Path> conductdFiles() throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static boolean contains(byte[] haystack, String text, Charset charset) {
        byte[] needle = text.getBytes(charset);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The files holding {@code text} in UTF-8, UTF-16LE or UTF-16BE. */
    List<String> filesContaining(String text) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : conductdFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                if (contains(bytes, text, charset)) {
                    found.add(data.relativize(file) + " (" + charset + ")");
                }
            }
        }
        return found;
    }

    @Test
    void purgedCaseLeavesNoTraceInTheDatabaseFilesOrTheDataDirectory() throws Exception {
        Result r = purge("", "--closed-before", TOMORROW, "--yes");
        assertEquals(0, r.exit(), r.err());
        conductd.stop();

        for (String text : PURGED) {
            assertEquals(List.of(), filesContaining(text), text);
        }
        assertFalse(filesContaining(KEPT).isEmpty(), "the open case is untouched");
    }

    @Test
    void mailInNoCaseThatAnswersOrNamesThePurgedCaseIsErasedToo() throws Exception {
        String caseMail = idOf(mail.receivedBy(ALICE, "case-notification").get(0));
        // Quarantined (no From), answering case mail: it names the reporter.
        mail.deliverRaw("To: conduct@example.org\nSubject: Re: [CoC #1]\nIn-Reply-To: <" + caseMail + ">\n\n"
                + "QUARANTINED-ZEBEDEE-1 wrote back.\n");
        // A bounce that matches no sent mail but quotes the case's subject tag.
        mail.deliverRaw("From: MAILER-DAEMON@mx.example.net\nTo: conduct@example.org\nSubject: Undelivered Mail\n"
                + "Auto-Submitted: auto-replied\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
                + "--b\nContent-Type: text/plain\n\nYour mail \"[CoC #1] BOUNCED-ZEBEDEE-2\" could not be delivered.\n"
                + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
                + "Final-Recipient: rfc822; gone@example.net\nAction: failed\nStatus: 5.1.1\n--b--\n");
        conductd.settle();
        assertFalse(filesContainingAfterStop("QUARANTINED-ZEBEDEE-1").isEmpty(), "set-up: the quarantined copy is kept");
        conductd.start();

        Result r = purge("", "--closed-before", TOMORROW, "--yes");
        assertEquals(0, r.exit(), r.err());
        conductd.stop();

        assertEquals(List.of(), filesContaining("QUARANTINED-ZEBEDEE-1"));
        assertEquals(List.of(), filesContaining("BOUNCED-ZEBEDEE-2"));
        assertFalse(filesContaining(KEPT).isEmpty(), "the open case is untouched");
    }

    /** Stops the daemon (so its files are settled) and searches them. */
    List<String> filesContainingAfterStop(String text) throws IOException {
        conductd.stop();
        return filesContaining(text);
    }

    @Test
    void personalDataIsReallyInTheFilesBeforeThePurge() throws Exception {
        conductd.stop();

        for (String text : PURGED) {
            assertFalse(filesContaining(text).isEmpty(), "the search finds what is there: " + text);
        }
    }

    @Test
    void purgedCaseStillCountsByStateResolutionAndPublicSummary() throws Exception {
        purge("", "--closed-before", TOMORROW, "--yes");

        CaseRecord c = caseOne();
        assertEquals(CaseState.CLOSED, c.state());
        assertEquals("warning", c.resolution());
        assertEquals("an attendee was warned", c.publicSummary());
        assertEquals(Severity.HIGH, c.severity());
        assertNotNull(c.closedAt());
        assertNull(c.subject());
        assertNull(c.summary());
        assertEquals(1, count("SELECT COUNT(*) FROM cases WHERE state = 'CLOSED' AND resolution = 'warning' "
                + "AND public_summary = 'an attendee was warned'"));
        assertTrue(count("SELECT COUNT(*) FROM outbox WHERE case_id = 1 AND state = 'SENT'") > 0,
                "the mail sent is still counted");
    }

    @Test
    void publicSummaryNamingSomeoneIsWithdrawnBeforeTheNamesAreErased() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db") + "?busy_timeout=10000");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE cases SET public_summary = 'Zebedee was warned' WHERE id = 1");
        }

        purge("", "--closed-before", TOMORROW, "--yes");

        assertEquals("[removed]", caseOne().publicSummary(),
                "once the reporter's name is erased, no report could tell the summary names them");
    }

    @Test
    void purgeIsRecordedOnTheCaseWithoutDetail() {
        Result r = purge("", "--closed-before", TOMORROW, "--yes");

        assertTrue(r.out().contains("Erased the personal data of 1 case"), r.out());
        List<CaseEvent> purged = conductd.bean(EventRepository.class).findByCaseIdOrderById(1L).stream()
                .filter(e -> e.kind() == EventKind.PURGED).toList();
        assertEquals(1, purged.size());
        assertNull(purged.get(0).detail());
    }

    @Test
    void withoutYesAnAnswerOtherThanYesChangesNothing() throws Exception {
        Result r = purge("no\n", "--closed-before", TOMORROW);

        assertEquals(1, r.exit());
        assertTrue(r.out().contains("1 case") && r.out().contains("Type yes to erase"), r.out());
        assertEquals("Trouble at the PURPLE-ELEPHANT-7 stand", caseOne().subject());
        assertEquals(0, count("SELECT COUNT(*) FROM events WHERE kind = 'purged'"));
        assertEquals(0, count("SELECT COUNT(*) FROM messages WHERE case_id = 1 AND body_text IS NULL "
                + "AND from_address IS NOT NULL"));
    }

    @Test
    void withoutYesAndWithoutInputNothingIsErased() {
        Result r = purge("", "--closed-before", TOMORROW);

        assertEquals(1, r.exit());
        assertTrue(r.out().contains("Nothing was erased"), r.out());
        assertEquals("Trouble at the PURPLE-ELEPHANT-7 stand", caseOne().subject());
    }

    @Test
    void typingYesErases() {
        Result r = purge("yes\n", "--closed-before", TOMORROW);

        assertEquals(0, r.exit(), r.err());
        assertNull(caseOne().subject());
    }

    @Test
    void badDateExitsWithTwoAndOneLineNamingTheOption() {
        Result r = purge("", "--closed-before", "2026-02-30", "--yes");

        assertEquals(2, r.exit());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains("--closed-before") && lines.get(0).contains("2026-02-30"), lines.get(0));
        assertEquals("Trouble at the PURPLE-ELEPHANT-7 stand", caseOne().subject());
    }

    @Test
    void purgingTwiceIsHarmless() throws Exception {
        purge("", "--closed-before", TOMORROW, "--yes");
        Result again = purge("", "--closed-before", TOMORROW, "--yes");

        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().startsWith("Nothing to erase"), again.out());
        assertEquals(1, count("SELECT COUNT(*) FROM events WHERE kind = 'purged'"));
        assertEquals(CaseState.CLOSED, caseOne().state());
    }

    @Test
    void caseClosedOnTheDayGivenIsKept() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Result r = purge("", "--closed-before", today, "--yes");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Nothing to erase"), r.out());
        assertEquals("Trouble at the PURPLE-ELEPHANT-7 stand", caseOne().subject());
    }

    @Test
    void quarantinedMailInNoCaseIsKept() throws Exception {
        mail.deliverRaw("To: conduct@example.org\nSubject: QUARANTINED-KOALA-5\n\nno sender\n");
        conductd.settle();

        purge("", "--closed-before", TOMORROW, "--yes");

        assertEquals(1, count("SELECT COUNT(*) FROM messages m JOIN raw_messages r ON r.message_row = m.id "
                + "WHERE m.disposition = 'QUARANTINED' AND m.subject = 'QUARANTINED-KOALA-5' AND r.bytes IS NOT NULL"));
    }

    @Test
    void redeliveredCopyOfAPurgedReportIsErasedToo() throws Exception {
        assertEquals(1, count("SELECT COUNT(*) FROM messages WHERE disposition = 'DUPLICATE'"), "set-up: one copy");

        purge("", "--closed-before", TOMORROW, "--yes");

        assertEquals(0, count("SELECT COUNT(*) FROM messages WHERE disposition = 'DUPLICATE' AND body_text IS NOT NULL"));
        assertEquals(0, count("SELECT COUNT(*) FROM raw_messages r JOIN messages m ON m.id = r.message_row "
                + "WHERE m.disposition = 'DUPLICATE'"));
    }

    @Test
    void eventLogStaysAppendOnlyExceptForErasingDetails() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db") + "?busy_timeout=10000");
             Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE events SET detail = NULL, actor = 'someone' WHERE id = 1"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE events SET detail = 'rewritten' WHERE id = 1"));
            assertEquals(1, s.executeUpdate("UPDATE events SET detail = NULL WHERE id = 1"));
        }
    }

    @Test
    void oversizedMailFileOfAPurgedCaseIsDeleted() throws Exception {
        Path file = Files.createDirectories(data.resolve("oversized")).resolve("kept-raw.eml");
        Files.writeString(file, "PURPLE-ELEPHANT-7 in full");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("conductd.db") + "?busy_timeout=10000");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE raw_messages SET file_name = 'kept-raw.eml' "
                    + "WHERE message_row = (SELECT MIN(id) FROM messages WHERE case_id = 1)");
        }

        Result r = purge("", "--closed-before", TOMORROW, "--yes");

        assertTrue(r.out().contains("1 oversized mail file"), r.out());
        assertFalse(Files.exists(file));
    }
}
