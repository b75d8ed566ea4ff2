package org.conductd.bench;

import io.micronaut.context.ApplicationContext;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.conductd.app.Contexts;
import org.conductd.app.Daemon;
import org.conductd.app.StartupTimes;
import org.conductd.store.OutboxRepository;
import org.conductd.store.OutboxState;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * The backlog benchmark (issue 6): N reports waiting in the inbox; measures in one run
 * (a) how fast Angus Mail fetches them raw from the server and (b) how fast the real
 * daemon turns them into cases with queued mail, until every message carries
 * $ConductdProcessed (or $ConductdQuarantined). Not a test: started by bench/run.
 *
 * <p>Arguments: {@code --n N --imap-port P --smtp-port P --password PW --data DIR
 * [--maildir DIR]} (with --maildir the reports are written into its new/ directory,
 * as a delivery agent would; without it they are expected to be in the inbox already).
 */
public final class Backlog {

    private static final String PROCESSED = "$ConductdProcessed";
    private static final String QUARANTINED = "$ConductdQuarantined";

    private final int n;
    private final int imapPort;
    private final int smtpPort;
    private final String password;
    private final int drainSeconds;
    private final Path data;
    private final Session session;
    private final Setup setup;
    private final int deliverPort;
    private final boolean lmtp;
    private final int latencyReports;
    private final int latencyTimeout;
    private final int reportCases;
    private final int stallSeconds;

    private Backlog(Map<String, String> a) {
        n = Integer.parseInt(a.getOrDefault("n", "5000"));
        imapPort = Integer.parseInt(a.get("imap-port"));
        smtpPort = Integer.parseInt(a.get("smtp-port"));
        password = a.get("password");
        drainSeconds = Integer.parseInt(a.getOrDefault("drain-seconds", "120"));
        data = Path.of(a.get("data"));
        setup = new Setup(imapPort, smtpPort, password);
        deliverPort = Integer.parseInt(a.getOrDefault("deliver-port", "0"));
        lmtp = "lmtp".equals(a.getOrDefault("deliver-protocol", "lmtp"));
        latencyReports = Integer.parseInt(a.getOrDefault("latency-reports", "200"));
        latencyTimeout = Integer.parseInt(a.getOrDefault("latency-timeout", "10"));
        reportCases = Integer.parseInt(a.getOrDefault("report-cases", "10000"));
        stallSeconds = Integer.parseInt(a.getOrDefault("stall-seconds", "300"));
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "120000");
        session = Session.getInstance(p);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Backlog bench = new Backlog(a);
        int code;
        try {
            code = bench.run(a.get("maildir") == null ? null : Path.of(a.get("maildir")), a.get("server"));
        } catch (Throwable t) {
            t.printStackTrace();
            code = 2;
        }
        System.exit(code);
    }

    private int run(Path maildir, String serverName) throws Exception {
        say("server: %s on 127.0.0.1:%d, N=%d, JVM %s, %d cores, max heap %d MB", serverName, imapPort, n,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        startup();

        if (maildir != null) {
            long l0 = System.nanoTime();
            writeMaildir(maildir);
            say("wrote %d reports into %s/new in %.2f s", n, maildir, seconds(l0));
        }
        long bytes;
        long w0 = System.nanoTime();
        try (Store store = connect()) {
            IMAPFolder f = (IMAPFolder) store.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            int count = f.getMessageCount();
            if (count != n) {
                say("ERROR: the inbox holds %d messages, expected %d", count, n);
                return 1;
            }
            bytes = rawFetch(f, "1:*", false); // warm-up: the server indexes the new mail once
        }
        say("inbox indexed and read once (warm-up, untimed for the rates): %.2f s, %.1f MB, %.0f bytes/message",
                seconds(w0), bytes / 1e6, (double) bytes / n);

        double fetchProfile = Math.max(fetchProfileRate(), fetchProfileRate());
        say("(a1) Angus Mail FetchProfile (UID + entire message = BODY.PEEK[]) in batches of 500 (best of 2): %,.0f msgs/s", fetchProfile);
        double rawBatched = Math.max(rawBatchedRate(250), rawBatchedRate(250));
        say("(a2) raw UID FETCH (UID BODY.PEEK[]) in batches of 250, as the daemon issues it (best of 2): %,.0f msgs/s", rawBatched);
        double rawAll = Math.max(rawBatchedRate(Integer.MAX_VALUE), rawBatchedRate(Integer.MAX_VALUE));
        say("(a3) one raw UID FETCH 1:* (UID BODY.PEEK[]) (best of 2): %,.0f msgs/s", rawAll);

        System.gc();
        long heapBefore = usedHeap();
        long sentBefore = BenchSmtpSink.count(smtpPort);
        Path dataDir = data.resolve("backlog");
        readFolderBefore(dataDir);
        long b0 = System.nanoTime();
        ApplicationContext context = Contexts.startWith(properties(dataDir, "INBOX"));
        Daemon daemon = context.getBean(Daemon.class);
        daemon.start();
        double contextStart = seconds(b0);
        long remaining;
        long lastReport = System.nanoTime();
        long lastRemaining = -1;
        long lastProgress = System.nanoTime();
        try (Store store = connect()) {
            IMAPFolder f = (IMAPFolder) store.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            while ((remaining = count(f, "UID SEARCH UNKEYWORD " + PROCESSED + " UNKEYWORD " + QUARANTINED)) > 0) {
                if (remaining != lastRemaining) {
                    lastRemaining = remaining;
                    lastProgress = System.nanoTime();
                }
                if (seconds(b0) > 3600) {
                    say("ERROR: %d messages still unprocessed after an hour", remaining);
                    break;
                }
                if (seconds(lastProgress) > stallSeconds) {
                    say("ERROR: no message flagged for %d s, %d still unprocessed: the daemon is stuck (see its log, "
                            + "BENCH_KEEP=1); the figures below are of a stalled run", stallSeconds, remaining);
                    break;
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    say("  ... %d of %d processed after %.1f s", n - remaining, n, seconds(b0));
                    lastReport = System.nanoTime();
                }
                // Each check is a search over the whole folder in this JVM; checking often while much is
                // left would take CPU from the daemon being measured. Near the end it checks every 20 ms.
                Thread.sleep(remaining > 200 ? 250 : 20);
            }
        }
        double backlog = seconds(b0);
        double daemonRate = n / backlog;
        double sinceContext = n / (backlog - contextStart);
        say("(b) conductd: %d reports -> cases with queued mail, every message flagged on the server: %.2f s "
                + "(including %.2f s context start) = %,.0f msgs/s (%,.0f msgs/s without the start)",
                n, backlog, contextStart, daemonRate, sinceContext);
        say("ratio (b)/(a1) FetchProfile 500: %.3f   [target >= 0.5]", daemonRate / fetchProfile);
        say("ratio (b)/(a2) raw batched 250:  %.3f", daemonRate / rawBatched);
        say("ratio (b)/(a3) raw 1:*:          %.3f", daemonRate / rawAll);

        try (Store store = connect()) {
            IMAPFolder f = (IMAPFolder) store.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            say("server flags: %d $ConductdProcessed, %d $ConductdQuarantined",
                    count(f, "UID SEARCH KEYWORD " + PROCESSED), count(f, "UID SEARCH KEYWORD " + QUARANTINED));
        }
        Map<String, Long> db = dbCounts(dataDir.resolve("conductd.db"));
        say("database: %d cases, %d messages, %d outbox rows (%d pending at flag time)", db.get("cases"), db.get("messages"),
                db.get("outbox"), db.get("pending"));

        System.gc();
        System.gc();
        long heap = usedHeap();
        say("heap after the backlog (daemon running, outbox not yet drained, after GC): %.1f MB used (%.1f MB before the daemon started), "
                + "%.1f MB committed; process RSS %s", heap / 1048576.0, heapBefore / 1048576.0,
                Runtime.getRuntime().totalMemory() / 1048576.0, rss());

        OutboxRepository outbox = context.getBean(OutboxRepository.class);
        long d0 = System.nanoTime();
        while (outbox.countByState(OutboxState.PENDING) > 0 && seconds(d0) < drainSeconds) {
            Thread.sleep(100);
        }
        long pending = outbox.countByState(OutboxState.PENDING);
        long sent = BenchSmtpSink.count(smtpPort) - sentBefore;
        say("outbox to the SMTP sink: waited %.1f s after the last flag (limit %d s), %d still pending; the sink accepted "
                + "%d messages since the daemon started (%,.0f msgs/s)", seconds(d0), drainSeconds, pending, sent, sent / seconds(b0));

        daemon.close();
        context.close();

        if (latencyReports > 0) {
            if (deliverPort > 0) {
                new Latency(setup, deliverPort, lmtp, latencyReports, Duration.ofSeconds(latencyTimeout))
                        .run(data.resolve("latency"));
            } else {
                say("WARNING: latency not measured: no way to deliver into the mailbox (dovecot-lmtpd missing)");
            }
        }
        if (reportCases > 0) {
            ReportTimes reports = new ReportTimes(setup);
            reports.seed(data.resolve("reports"), reportCases);
            reports.run(data.resolve("reports"));
        }
        return 0;
    }

    /**
     * Start-up to the first completed sync, on a fresh database and an empty folder, in parts:
     * the context (configuration, context with the database migrations, templates), the
     * daemon's beans, {@code Daemon.start}, and the first sync (IMAP login included). Then the
     * same again on the migrated database in the now warm JVM, and a bare IMAP login for reference.
     */
    private void startup() throws Exception {
        createFolder("Startup");
        for (String run : List.of("first", "again")) {
            long t0 = System.nanoTime();
            ApplicationContext startupContext = Contexts.startWith(properties(data.resolve("startup"), "Startup"));
            double contextStart = seconds(t0);
            long t1 = System.nanoTime();
            Daemon startupDaemon = startupContext.getBean(Daemon.class);
            double beans = seconds(t1);
            long t2 = System.nanoTime();
            startupDaemon.start();
            double start = seconds(t2);
            long t3 = System.nanoTime();
            boolean synced = startupDaemon.awaitFirstSync(Duration.ofSeconds(60));
            double firstSync = seconds(t3);
            double startup = seconds(t0);
            StartupTimes parts = startupContext.getBean(StartupTimes.class);
            startupDaemon.close();
            startupContext.close();
            if (run.equals("first")) {
                say("start-up to first completed sync (empty folder, fresh database, in a running JVM): %.3f s%s  [target < 2 s]",
                        startup, synced ? "" : " (NO SYNC WITHIN 60 s)");
            } else {
                say("start-up again (same folder, database already migrated, JVM warm): %.3f s%s", startup,
                        synced ? "" : " (NO SYNC WITHIN 60 s)");
            }
            say("  start-up parts: configuration %.3f s, context start (database and migrations included) %.3f s, "
                    + "templates rendered %.3f s (alongside the context start), context ready %.3f s; "
                    + "daemon beans %.3f s, Daemon.start %.3f s, first sync %.3f s", parts.configuration().toNanos() / 1e9,
                    parts.context().toNanos() / 1e9, parts.templates().toNanos() / 1e9, contextStart, beans, start,
                    firstSync);
        }
        long l0 = System.nanoTime();
        try (Store store = connect()) {
            Folder f = store.getFolder("Startup");
            f.open(Folder.READ_WRITE);
            say("  for reference: a bare Angus Mail IMAP login and SELECT: %.3f s", seconds(l0));
        }
    }

    /**
     * Records that conductd had read the inbox before the backlog arrived (the backlog of an
     * outage, which the target is about): mail waiting at a folder's very first sync is
     * filed without acknowledgements, and the benchmark measures the full path.
     */
    private void readFolderBefore(Path dataDir) throws Exception {
        long validity;
        try (Store store = connect()) {
            IMAPFolder f = (IMAPFolder) store.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            validity = f.getUIDValidity();
        }
        Map<String, Object> properties = properties(dataDir, "INBOX");
        properties.remove(Contexts.DAEMON);
        try (ApplicationContext context = Contexts.startWith(properties)) {
            context.getBean(org.conductd.intake.BatchIntake.class).resetMailbox("INBOX", validity, 0);
        }
    }

    private Map<String, Object> properties(Path dataDir, String folder) {
        return setup.properties(dataDir, folder);
    }

    /** The servers and login every context of the benchmark uses. */
    record Setup(int imapPort, int smtpPort, String password) {

        /** The daemon's properties on this data directory and folder, as a new map the caller may change. */
        Map<String, Object> properties(Path dataDir, String folder) {
            Map<String, Object> p = new HashMap<>();
            p.put(Contexts.DAEMON, true);
            p.put("conductd.event-name", "Bench Conf");
            p.put("conductd.address", BenchReports.CONDUCT);
            p.put("conductd.imap.host", "127.0.0.1");
            p.put("conductd.imap.port", imapPort);
            p.put("conductd.imap.security", "none");
            p.put("conductd.imap.username", BenchReports.CONDUCT);
            p.put("conductd.imap.password", password);
            p.put("conductd.imap.timeout", "60s");
            p.put("conductd.imap.folder", folder);
            p.put("conductd.smtp.host", "127.0.0.1");
            p.put("conductd.smtp.port", smtpPort);
            p.put("conductd.smtp.security", "none");
            p.put("conductd.smtp.username", BenchReports.CONDUCT);
            p.put("conductd.smtp.password", password);
            p.put("conductd.smtp.timeout", "10s");
            p.put("conductd.poll-interval", "30s");
            p.put("conductd.organizers", List.of("orga@example.org"));
            p.put("conductd.appeals-contact", "leaders@example.org");
            p.put("conductd.security.token-secret", "ed43814a7ea22c7896ecf07b8205f80df8ee30491d8533483f31cf6025555397");
            p.put("conductd.emergency-contact", "Call 112 in an emergency.");
            p.put("conductd.data-dir", dataDir.toString());
            p.put("datasources.default.url", "jdbc:sqlite:" + dataDir.resolve("conductd.db"));
            p.put("micronaut.server.port", -1);
            // The backlog is measured with a notification per case, the heavier path; in a
            // deployment, past flood.new-cases-per-hour responders get summaries instead.
            p.put("conductd.flood.new-cases-per-hour", 1_000_000);
            p.put("conductd.team", List.of(
                    Map.of("name", "Alice Example", "email", "alice@example.org"),
                    Map.of("name", "Bob Builder", "email", "bob@example.org"),
                    Map.of("name", "Carol Danvers", "email", "carol@example.org")));
            return p;
        }
    }

    private Store connect() throws Exception {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", imapPort, BenchReports.CONDUCT, password);
        return store;
    }

    private void createFolder(String name) throws Exception {
        try (Store store = connect()) {
            Folder f = store.getFolder(name);
            if (!f.exists()) {
                f.create(Folder.HOLDS_MESSAGES);
            }
        }
    }

    /** Writes the reports as a delivery agent would: into tmp/, then renamed into new/. */
    private void writeMaildir(Path maildir) throws IOException {
        Path tmp = maildir.resolve("tmp");
        Path fresh = maildir.resolve("new");
        long now = System.currentTimeMillis() / 1000;
        for (int i = 1; i <= n; i++) {
            byte[] raw = BenchReports.report(i);
            String name = now + ".M" + i + "P" + ProcessHandle.current().pid() + ".bench,S=" + raw.length;
            Path file = tmp.resolve(name);
            Files.write(file, raw);
            Files.move(file, fresh.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private double fetchProfileRate() throws Exception {
        try (Store store = connect()) {
            IMAPFolder f = (IMAPFolder) store.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            int total = f.getMessageCount();
            FetchProfile fp = new FetchProfile();
            fp.add(UIDFolder.FetchProfileItem.UID);
            fp.add(IMAPFolder.FetchProfileItem.MESSAGE);
            long t0 = System.nanoTime();
            for (int start = 1; start <= total; start += 500) {
                Message[] batch = f.getMessages(start, Math.min(total, start + 499));
                f.fetch(batch, fp);
            }
            return total / seconds(t0);
        }
    }

    private double rawBatchedRate(int batch) throws Exception {
        try (Store store = connect()) {
            IMAPFolder f = (IMAPFolder) store.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            long t0 = System.nanoTime();
            long[] uids = uids(f);
            long messages = 0;
            if (batch == Integer.MAX_VALUE) {
                t0 = System.nanoTime();
                rawFetch(f, "1:*", true);
                messages = uids.length;
            } else {
                for (int start = 0; start < uids.length; start += batch) {
                    int end = Math.min(uids.length, start + batch) - 1;
                    rawFetch(f, uids[start] + ":" + uids[end], true);
                    messages += end - start + 1;
                }
            }
            return messages / seconds(t0);
        }
    }

    /** One UID FETCH of whole bodies over the folder's connection, bodies copied out as the daemon does; returns the bytes. */
    private static long rawFetch(IMAPFolder f, String range, boolean copy) throws Exception {
        Object result = f.doCommand((IMAPProtocol p) -> {
            Response[] responses = p.command("UID FETCH " + range + " (UID BODY.PEEK[])", null);
            long total = 0;
            for (Response r : responses) {
                if (r instanceof FetchResponse fr) {
                    BODY body = fr.getItem(BODY.class);
                    if (body != null && body.getByteArray() != null) {
                        total += copy ? body.getByteArray().getNewBytes().length : body.getByteArray().getCount();
                    }
                }
            }
            p.handleResult(responses[responses.length - 1]);
            return total;
        });
        return (Long) result;
    }

    private static long[] uids(IMAPFolder f) throws Exception {
        Object result = f.doCommand((IMAPProtocol p) -> {
            Response[] responses = p.command("UID SEARCH ALL", null);
            java.util.ArrayList<Long> list = new java.util.ArrayList<>();
            for (Response r : responses) {
                if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                    long u;
                    while ((u = ir.readLong()) != -1) {
                        list.add(u);
                    }
                }
            }
            p.handleResult(responses[responses.length - 1]);
            return list.stream().mapToLong(Long::longValue).sorted().toArray();
        });
        return (long[]) result;
    }

    private static long count(IMAPFolder f, String command) throws Exception {
        Object result = f.doCommand((IMAPProtocol p) -> {
            Response[] responses = p.command(command, null);
            long c = 0;
            for (Response r : responses) {
                if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                    while (ir.readLong() != -1) {
                        c++;
                    }
                }
            }
            p.handleResult(responses[responses.length - 1]);
            return c;
        });
        return (Long) result;
    }

    private static Map<String, Long> dbCounts(Path db) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String[] q : new String[][] {{"cases", "SELECT count(*) FROM cases"},
                {"messages", "SELECT count(*) FROM messages"}, {"outbox", "SELECT count(*) FROM outbox"},
                {"pending", "SELECT count(*) FROM outbox WHERE state = 'PENDING'"}}) {
                try (ResultSet rs = s.executeQuery(q[1])) {
                    counts.put(q[0], rs.next() ? rs.getLong(1) : -1);
                } catch (Exception e) {
                    counts.put(q[0], -1L);
                }
            }
        }
        return counts;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static String rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void say(String format, Object... args) {
        System.out.println("BENCH " + String.format(format, args));
        System.out.flush();
    }
}
