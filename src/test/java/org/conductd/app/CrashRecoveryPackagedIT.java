package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.conductd.mail.MessageId;
import org.conductd.store.PausePoint;
import org.conductd.support.Await;
import org.conductd.support.PackagedDaemon;
import org.conductd.support.ScriptedSmtpServer;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at each point where conductd has done only part of its work (SPEC §4,
 * durability). The packaged jar runs in its own JVM against GreenMail's IMAP and a scripted
 * SMTP server in this one; it is stopped at a point by the {@code conductd.pause-at} test hook
 * (or held by the SMTP server in DATA), killed there with SIGKILL, and started again on the same
 * database. Each point is hit in several rounds, fresh reports arriving every round. After each
 * restart every report is stored once, opens one case and is flagged on the server, and every
 * queued mail reaches the SMTP server exactly once; only a message the server accepted just
 * before the kill may arrive twice, with one Message-ID. Run by Maven Failsafe after {@code package}.
 */
class CrashRecoveryPackagedIT {

    private static final Path JAR = Path.of("target", "conductd.jar");
    private static final int ROUNDS = 3;
    private static final int REPORTS_PER_ROUND = 3;
    private static final List<String> TEAM = List.of("alice@example.org", "bob@example.org");
    /** A guard against hangs only; a healthy round takes a few seconds. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final Pattern CASE_TAG = Pattern.compile("\\[CoC #(\\d+)]");
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    static Path shared;
    /** A class-data archive of the jar, or null if none could be made; see {@link #archiveClasses()}. */
    private static Path classArchive;

    @TempDir
    Path dir;

    private TestMail mail;
    private ScriptedSmtpServer smtp;
    private Process running;
    private Path log;
    private int starts;
    /** Message-IDs of the reports delivered so far, and the address each came from. */
    private final Map<String, String> reporters = new TreeMap<>();
    /** Message-IDs the SMTP server accepted just before a kill, before conductd could record them as sent. */
    private final Set<String> mayArriveTwice = new HashSet<>();
    private final List<Sent> parsed = new ArrayList<>();

    /** A message the SMTP server accepted: to whom, its X-Conductd-Kind, the case number in its subject, its Message-ID. */
    private record Sent(List<String> recipients, String kind, String caseNumber, String messageId) {
    }

    /**
     * These tests start the jar two dozen times; a class-data archive of it (JDK AppCDS) halves
     * each start-up. One run of {@code demo --once}, which loads the classes of the whole flow,
     * writes it on exit. Without it (a failed run, a JVM that cannot) every start is only slower.
     */
    @BeforeAll
    static void archiveClasses() throws Exception {
        Path archive = shared.resolve("conductd.jsa");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Djava.io.tmpdir=" + shared, "-jar", JAR.toAbsolutePath().toString(),
                "demo", "--once", "--smtp-port", "0", "--imap-port", "0", "--http-port", "0"));
        Process p = new ProcessBuilder(command).directory(shared.toFile())
                .redirectErrorStream(true).redirectOutput(shared.resolve("archive.log").toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        classArchive = p.exitValue() == 0 && Files.exists(archive) ? archive : null;
    }

    @BeforeEach
    void startMailServers() throws Exception {
        mail = new TestMail();
        smtp = new ScriptedSmtpServer();
        PackagedDaemon.writeConfig(dir, "Crash Conf", mail.imapPort(), ", timeout: 5s", smtp.port(), ", timeout: 30s");
        readTheEmptyMailboxOnce();
    }

    /**
     * conductd reads the empty mailbox once first: reports that were waiting at a folder's
     * very first sync are filed without acknowledgements, and these tests count every ack.
     */
    private void readTheEmptyMailboxOnce() throws Exception {
        Process p = start(null);
        Await.until("the first mailbox sync", HANG_GUARD, () -> {
            if (!p.isAlive()) {
                throw new AssertionError("conductd exited with " + p.exitValue() + "\n" + logTail());
            }
            return log().contains("First mailbox sync completed");
        });
        stop(p);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (running != null) {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        smtp.close();
        mail.close();
    }

    @Test
    void killedAfterFetchingBeforeCommittingLosesNoReportAndSendsNothingTwice() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> fresh = deliverReports(round);

            killAt(PausePoint.AFTER_FETCH);
            assertEquals(List.of(), storedOf(fresh), "round " + round + ": the batch was not committed");
            assertEquals(fresh.size(), unflagged(), "round " + round + ": the batch was not flagged");

            restartAndCheckEverythingOnce();
        }
    }

    @Test
    void killedAfterCommittingBeforeFlaggingLosesNoReportAndSendsNothingTwice() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> fresh = deliverReports(round);

            killAt(PausePoint.AFTER_COMMIT);
            assertEquals(fresh, storedOf(fresh), "round " + round + ": the batch was committed");
            assertEquals(fresh.size(), unflagged(), "round " + round + ": the batch was not flagged");

            restartAndCheckEverythingOnce();
        }
    }

    @Test
    void killedWhileTheSmtpServerHoldsAMessageInDataSendsItOnceAfterRestart() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            deliverReports(round);
            CompletableFuture<String> stalled = smtp.stallNextData();

            Process p = start(null);
            String held;
            try {
                held = messageId(stalled.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                throw new AssertionError("round " + round + ": no message reached DATA\n" + logTail());
            }
            kill(p);
            smtp.releaseStalls();
            List<String> pending = pendingInOutbox();
            assertTrue(pending.contains(held), "round " + round + ": the message held in DATA is still queued");
            assertTrue(pending.size() > 1, "round " + round + ": more mail was queued before the crash");

            restartAndCheckEverythingOnce();
            assertEquals(1, copies(held), "round " + round + ": the message held in DATA arrived once after the restart");
        }
    }

    @Test
    void killedAfterSmtpAcceptanceBeforeRecordingSendsThatMessageAgainWithTheSameMessageId() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            deliverReports(round);
            int acceptedBefore = smtp.accepted().size();

            killAt(PausePoint.AFTER_SMTP_ACCEPT);
            List<String> pending = pendingInOutbox();
            List<String> unrecorded = sent().subList(acceptedBefore, sent().size()).stream()
                    .map(Sent::messageId).filter(pending::contains).toList();
            assertFalse(unrecorded.isEmpty(), "round " + round + ": a message the server accepted is not recorded as sent");
            assertTrue(pending.size() > unrecorded.size(), "round " + round + ": more mail was queued before the crash");
            mayArriveTwice.addAll(unrecorded);

            restartAndCheckEverythingOnce();
            for (String id : unrecorded) {
                assertEquals(2, copies(id), "round " + round + ": the unrecorded message was sent again, with its Message-ID");
            }
        }
    }

    // --- one round's steps ---

    /** Puts fresh reports, each from its own reporter, in the conduct inbox; returns their Message-IDs. */
    private List<String> deliverReports(int round) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= REPORTS_PER_ROUND; i++) {
            String id = "report-" + round + "-" + i + "@example.net";
            String from = "reporter-" + round + "-" + i + "@example.net";
            mail.deliverRaw("""
                    From: Reporter %d-%d <%s>
                    To: conduct@example.org
                    Subject: Report %d.%d
                    Message-ID: <%s>
                    Date: Fri, 20 Nov 2026 10:00:00 +0000

                    In round %d someone kept interrupting talk %d.
                    """.formatted(round, i, from, round, i, id, round, i));
            reporters.put(id, from);
            ids.add(id);
        }
        return ids;
    }

    /** Starts conductd to pause at this point, waits until it has, and kills it there. */
    private void killAt(String point) throws Exception {
        Process p = start(point);
        Await.until("conductd to pause at " + point, HANG_GUARD, () -> {
            if (!p.isAlive()) {
                throw new AssertionError("conductd exited with " + p.exitValue() + " before " + point + "\n" + logTail());
            }
            return log().lines().anyMatch(line -> line.equals("PAUSED at " + point));
        });
        kill(p);
    }

    /**
     * Starts conductd without a pause point, waits until it has handled every report and
     * delivered every queued mail, stops it, and checks that nothing happened twice.
     */
    private void restartAndCheckEverythingOnce() throws Exception {
        Process p = start(null);
        try {
            Await.until("every report handled and every queued mail delivered", HANG_GUARD, () -> {
                if (!p.isAlive()) {
                    throw new AssertionError("conductd exited with " + p.exitValue());
                }
                // Queued mail is checked last: once every report's mail has arrived, no more is queued.
                return everyExpectedMailArrived() && unflagged() == 0 && pendingInOutbox().isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; reports stored " + storedOf(List.copyOf(reporters.keySet())).size()
                    + " of " + reporters.size() + ", unflagged " + unflagged() + ", still queued " + pendingInOutbox().size()
                    + ", messages accepted by the SMTP server " + sent().size() + "\n" + logTail(), e);
        }
        stop(p);

        assertEachReportStoredOnceInItsOwnCase();
        assertEachReportFlaggedOnTheServer();
        assertEachQueuedMailArrivedOnce();
    }

    // --- the checks ---

    private void assertEachReportStoredOnceInItsOwnCase() {
        List<String> stored = strings("SELECT message_id FROM messages ORDER BY message_id");
        assertEquals(List.copyOf(reporters.keySet()), stored, "each report is stored, once");
        Set<String> cases = new HashSet<>(strings("SELECT case_id FROM messages"));
        assertEquals(reporters.size(), cases.size(), "each report has a case of its own");
        assertEquals(List.of(Integer.toString(reporters.size())), strings("SELECT count(*) FROM cases"),
                "no case but the reports' ones");
    }

    private void assertEachReportFlaggedOnTheServer() {
        List<Flags> flags = mail.inboxFlags();
        assertEquals(reporters.size(), flags.size());
        assertTrue(flags.stream().allMatch(f -> f.contains("$ConductdProcessed")), "every report is flagged processed");
    }

    private void assertEachQueuedMailArrivedOnce() {
        Map<String, Long> copies = sent().stream().collect(Collectors.groupingBy(Sent::messageId, Collectors.counting()));
        copies.forEach((id, n) -> assertTrue(n == 1 || n == 2 && mayArriveTwice.contains(id),
                "Message-ID " + id + " arrived " + n + " times"));
        assertEquals(new HashSet<>(strings("SELECT message_id FROM outbox")), copies.keySet(),
                "every queued message arrived, and nothing else");
        assertEquals(List.of(), strings("SELECT message_id FROM outbox WHERE state <> 'SENT'"), "every queued message is recorded as sent");

        Map<String, String> caseOfReport = caseOfReport();
        for (Map.Entry<String, String> report : reporters.entrySet()) {
            String caseNumber = caseOfReport.get(report.getKey());
            assertEquals(1, distinctIds(report.getValue(), "ack", caseNumber),
                    "one acknowledgement (one Message-ID) to the reporter of " + report.getKey());
            for (String member : TEAM) {
                assertEquals(1, distinctIds(member, "case-notification", caseNumber),
                        "one notification (one Message-ID) of case " + caseNumber + " to " + member);
            }
        }
    }

    private boolean everyExpectedMailArrived() {
        Map<String, String> caseOfReport = caseOfReport();
        for (Map.Entry<String, String> report : reporters.entrySet()) {
            String caseNumber = caseOfReport.get(report.getKey());
            if (caseNumber == null || distinctIds(report.getValue(), "ack", caseNumber) == 0) {
                return false;
            }
            for (String member : TEAM) {
                if (distinctIds(member, "case-notification", caseNumber) == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** How many different Message-IDs of this kind about this case the SMTP server accepted for this recipient. */
    private long distinctIds(String recipient, String kind, String caseNumber) {
        return sent().stream().filter(m -> m.recipients().contains(recipient) && kind.equals(m.kind())
                && caseNumber.equals(m.caseNumber())).map(Sent::messageId).distinct().count();
    }

    /** How many times the SMTP server accepted a message with this Message-ID. */
    private long copies(String messageId) {
        return sent().stream().filter(m -> m.messageId().equals(messageId)).count();
    }

    /** What the SMTP server accepted, oldest first, each message parsed once. */
    private List<Sent> sent() {
        List<ScriptedSmtpServer.Accepted> accepted = smtp.accepted();
        for (ScriptedSmtpServer.Accepted m : accepted.subList(parsed.size(), accepted.size())) {
            MimeMessage message = parse(m.data());
            parsed.add(new Sent(m.recipients(), TestMail.header(message, "X-Conductd-Kind"), caseTag(message),
                    MessageId.parseOne(TestMail.header(message, "Message-ID"))));
        }
        return parsed;
    }

    // --- the conductd process ---

    private Process start(String pauseAt) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(JVM_OPTIONS);
        if (classArchive != null) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + classArchive, "-Xlog:cds=off"));
        }
        if (pauseAt != null) {
            command.add("-Dconductd.pause-at=" + pauseAt);
        }
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "run"));
        log = dir.resolve("conductd-" + ++starts + ".log");
        running = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile())).start();
        return running;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** SIGKILL: no shutdown hook, no finally block, nothing flushed. */
    private void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "conductd did not die");
        assertEquals(SIGKILL_EXIT, p.exitValue(), "conductd died of SIGKILL\n" + logTail());
        running = null;
    }

    /** SIGTERM, as a supervisor stops it; everything is settled by now. */
    private void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("conductd did not stop on SIGTERM\n" + logTail());
        }
        running = null;
    }

    private String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    // --- what the database and the servers hold ---

    /** Of these reports, the ones stored, in the same order. */
    private List<String> storedOf(List<String> reports) {
        Set<String> stored = new HashSet<>(strings("SELECT message_id FROM messages"));
        return reports.stream().filter(stored::contains).toList();
    }

    private long unflagged() {
        return mail.inboxFlags().stream().filter(f -> !f.contains("$ConductdProcessed")).count();
    }

    private List<String> pendingInOutbox() {
        return strings("SELECT message_id FROM outbox WHERE state = 'PENDING'");
    }

    /** Report Message-ID to case number. */
    private Map<String, String> caseOfReport() {
        Map<String, String> cases = new HashMap<>();
        for (String row : strings("SELECT message_id || ' ' || case_id FROM messages WHERE case_id IS NOT NULL")) {
            String[] parts = row.split(" ");
            cases.put(parts[0], parts[1]);
        }
        return cases;
    }

    /** The first column of every row, as text; an empty list before conductd has created the database. */
    private List<String> strings(String sql) {
        Path db = dir.resolve("data/conductd.db");
        if (!Files.exists(db)) {
            return List.of();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=5000");
             PreparedStatement statement = c.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            if (e.getMessage().contains("no such table")) {
                return List.of(); // migrations not yet run
            }
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage parse(String data) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(String data) {
        return MessageId.parseOne(TestMail.header(parse(data), "Message-ID"));
    }

    private static String caseTag(MimeMessage m) {
        try {
            Matcher tag = CASE_TAG.matcher(m.getSubject());
            return tag.find() ? tag.group(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
