package org.conductd.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.conductd.app.Contexts;
import org.conductd.intake.BatchIntake;
import org.conductd.ingest.FetchedMessage;
import org.conductd.reports.IncidentLog;
import org.conductd.reports.TransparencyReport;
import org.conductd.reports.WeeklyDigest;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;

/**
 * The reports over a large database (SPEC §5: digest, export and transparency report over
 * 10,000 cases, under a second each). Each is timed in a context started as the one-shot
 * commands start theirs (no daemon), once cold and then as the best of three after that
 * warm-up. The database is the backlog's, or one seeded here through the daemon's own inbox
 * pipeline: the same reports handed to {@link BatchIntake#accept} in batches of 250, as
 * the mailbox sync hands them, then replies from responders with commands (fields, a
 * resolution, its approval, closing) for some of the cases, so that events, drafts and
 * approvals exist as they would after an event.
 */
final class ReportTimes {

    private static final int BATCH = 250;

    private final Backlog.Setup setup;

    ReportTimes(Backlog.Setup setup) {
        this.setup = setup;
    }

    /**
     * Seeds {@code n} cases: every 4th case gets a responder's reply setting its fields,
     * every 8th is resolved (RESOLVE, then APPROVE by a second member), every 16th closed.
     * The outbox is then recorded as sent with the sender's own repository call, as the
     * sender does after the SMTP server accepts a message (nothing is sent here).
     */
    void seed(Path dataDir, int n) throws Exception {
        Map<String, Object> properties = setup.properties(dataDir, "INBOX");
        properties.remove(Contexts.DAEMON);
        try (ApplicationContext context = Contexts.startWith(properties)) {
            BatchIntake pipeline = context.getBean(BatchIntake.class);
            OutboxRepository outbox = context.getBean(OutboxRepository.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
            Feeder feeder = new Feeder(pipeline);
            long t0 = System.nanoTime();
            for (int i = 1; i <= n; i++) {
                feeder.add(BenchReports.report(i));
            }
            feeder.flush();
            double reports = Backlog.seconds(t0);
            long t1 = System.nanoTime();
            for (long c = 4; c <= n; c += 4) {
                feeder.add(reply(c, "alice", firstTo(tx, outbox, c, "alice@example.org", "case-notification"), fields(c)));
            }
            feeder.flush();
            for (long c = 8; c <= n; c += 8) {
                feeder.add(reply(c, "alice", firstTo(tx, outbox, c, "alice@example.org", "case-notification"),
                        "RESOLVE: warning\r\nThe person was asked to stop and agreed.\r\n"));
            }
            feeder.flush();
            for (long c = 8; c <= n; c += 8) {
                feeder.add(reply(c, "bob", firstTo(tx, outbox, c, "bob@example.org", "approval-request"), "APPROVE\r\n"));
            }
            feeder.flush();
            for (long c = 16; c <= n; c += 16) {
                feeder.add(reply(c, "alice", firstTo(tx, outbox, c, "alice@example.org", "case-notification"), "CLOSE\r\n"));
            }
            feeder.flush();
            double replies = Backlog.seconds(t1);
            long sent = 0;
            for (int page; (page = markPageSent(tx, outbox)) > 0; ) {
                sent += page;
            }
            Backlog.say("reports: seeded %d cases through BatchIntake.accept in %.1f s (%,.0f cases/s), then %d responder replies "
                    + "in %.1f s; %d outbox rows recorded as sent", n, reports, n / reports, feeder.replies, replies, sent);
        }
        Backlog.say("reports: database: %s", describe(dataDir.resolve("conductd.db")));
    }

    /** Times the three reports; the database must already be there. */
    void run(Path dataDir) throws Exception {
        Map<String, Object> properties = setup.properties(dataDir, "INBOX");
        properties.remove(Contexts.DAEMON);
        long c0 = System.nanoTime();
        try (ApplicationContext context = Contexts.startWith(properties)) {
            double contextStart = Backlog.seconds(c0);
            WeeklyDigest digest = context.getBean(WeeklyDigest.class);
            IncidentLog log = context.getBean(IncidentLog.class);
            TransparencyReport transparency = context.getBean(TransparencyReport.class);
            Clock clock = context.getBean(Clock.class);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Backlog.say("reports: context started as a one-shot command starts it (no daemon): %.2f s", contextStart);
            time("digest (WeeklyDigest.preview, as `digest`)", () -> digest.preview(clock.instant()).length());
            time("export-log (IncidentLog.writeCsv, as `export-log --format csv`)", () -> {
                StringBuilder out = new StringBuilder();
                log.writeCsv(out);
                return out.length();
            });
            time("transparency-report (TransparencyReport.markdown, the last 365 days, as `transparency-report`)",
                    () -> transparency.markdown(today.minusDays(364), today).length());
            System.gc();
            System.gc();
            Runtime r = Runtime.getRuntime();
            Backlog.say("reports: heap after GC with the context open: %.1f MB used; process RSS %s",
                    (r.totalMemory() - r.freeMemory()) / 1048576.0, Backlog.rss());
        }
    }

    private static void time(String what, Callable<Integer> report) throws Exception {
        long t0 = System.nanoTime();
        int size = report.call();
        double cold = Backlog.seconds(t0);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            report.call();
            best = Math.min(best, Backlog.seconds(t));
        }
        Backlog.say("reports: %s: %.3f s after warm-up (best of 3) [target < 1 s]; first run %.3f s; %,d characters",
                what, best, cold, size);
    }

    /** Records up to 500 pending outbox rows as sent, as the sender does once the server took them; returns how many. */
    private static int markPageSent(TransactionOperations<Connection> tx, OutboxRepository outbox) {
        return tx.executeWrite(status -> {
            Instant now = Instant.now();
            List<OutboxItem> page = outbox.findDue(now.plus(Duration.ofDays(1)), 500);
            page.forEach(item -> outbox.markSent(item.id(), now));
            return page.size();
        });
    }

    private static String fields(long c) {
        return "SEVERITY: " + (c % 12 == 0 ? "high" : "medium") + "\r\n"
                + "ASSIGN: me\r\n"
                + "SUMMARY: Repeated interruptions and remarks during a talk (case " + c + ")\r\n"
                + "PUBLIC-SUMMARY: An attendee repeatedly interrupted a speaker and was asked to stop.\r\n"
                + "WHEN: Saturday morning, second session\r\n"
                + "WHERE: Main hall\r\n"
                + "NOTE: Two witnesses confirmed the report.\r\n";
    }

    private static String firstTo(TransactionOperations<Connection> tx, OutboxRepository outbox, long caseId, String member,
                                  String kind) {
        return tx.executeRead(status -> outbox.findByCaseIdOrderById(caseId).stream()
                .filter(i -> member.equals(i.member()) && kind.equals(i.kind().headerValue()))
                .map(OutboxItem::messageId).findFirst().orElse(null));
    }

    private static byte[] reply(long caseId, String who, String inReplyTo, String body) {
        String name = who.equals("alice") ? "Alice Example" : "Bob Builder";
        StringBuilder m = new StringBuilder();
        m.append("From: ").append(name).append(" <").append(who).append("@example.org>\r\n");
        m.append("To: ").append(BenchReports.CONDUCT).append("\r\n");
        m.append("Subject: Re: [CoC #").append(caseId).append("] Incident report\r\n");
        m.append("Date: Sat, 21 Nov 2026 12:00:00 +0000\r\n");
        m.append("Message-ID: <bench-reply-").append(caseId).append('-').append(body.hashCode() & 0xffff).append('-')
                .append(who).append("@example.org>\r\n");
        if (inReplyTo != null) {
            String id = inReplyTo.startsWith("<") ? inReplyTo : "<" + inReplyTo + ">";
            m.append("In-Reply-To: ").append(id).append("\r\n");
            m.append("References: ").append(id).append("\r\n");
        }
        m.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
        m.append(body).append("\r\n-- \r\n").append(name).append("\r\n");
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Hands messages to the pipeline in batches, with increasing UIDs, as the mailbox sync does. */
    private static final class Feeder {
        private final BatchIntake pipeline;
        private final List<FetchedMessage> batch = new ArrayList<>();
        private long uid;
        int replies;

        Feeder(BatchIntake pipeline) {
            this.pipeline = pipeline;
        }

        void add(byte[] raw) throws Exception {
            if (!new String(raw, 0, 30, StandardCharsets.ISO_8859_1).startsWith("Return-Path")) {
                replies++;
            }
            uid++;
            batch.add(new FetchedMessage("INBOX", 1, uid, raw, null, raw.length,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)), null));
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                pipeline.accept(List.copyOf(batch), uid);
                batch.clear();
            }
        }
    }

    /** Counts by state, and the other tables the reports read. */
    static String describe(Path db) throws Exception {
        StringJoiner out = new StringJoiner(", ");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT state, count(*) FROM cases GROUP BY state ORDER BY state")) {
                StringJoiner states = new StringJoiner(" ");
                while (rs.next()) {
                    states.add(rs.getString(1).toLowerCase() + " " + rs.getLong(2));
                }
                out.add("cases by state: " + states);
            }
            for (String table : List.of("messages", "events", "drafts", "participants", "outbox")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    out.add(table + " " + (rs.next() ? rs.getLong(1) : -1));
                } catch (Exception e) {
                    out.add(table + " ?");
                }
            }
        }
        return out.toString();
    }
}
