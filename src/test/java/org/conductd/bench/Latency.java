package org.conductd.bench;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conductd.app.Contexts;
import org.conductd.app.Daemon;

/**
 * The latency benchmark (SPEC §5): an idle daemon with IDLE on and the shipped poll interval;
 * reports are delivered into the inbox one at a time (over LMTP to Dovecot, or SMTP to
 * GreenMail) and each is timed from the start of its delivery to the moment the SMTP sink
 * accepted the acknowledgement whose In-Reply-To/References name it. The next report goes
 * only after that acknowledgement, or after a timeout, which counts as a miss.
 */
final class Latency {

    /** Report numbers far above any backlog's, so senders and Message-IDs are new to the daemon. */
    private static final int FIRST_REPORT = 1_000_001;
    private static final int WARM_UP = 5;

    private final Backlog.Setup setup;
    private final int deliverPort;
    private final boolean lmtp;
    private final int reports;
    private final Duration timeout;

    Latency(Backlog.Setup setup, int deliverPort, boolean lmtp, int reports, Duration timeout) {
        this.setup = setup;
        this.deliverPort = deliverPort;
        this.lmtp = lmtp;
        this.reports = reports;
        this.timeout = timeout;
    }

    void run(Path dataDir) throws Exception {
        String pollInterval = shippedPollInterval();
        Map<String, Object> properties = setup.properties(dataDir, "INBOX");
        properties.put("conductd.poll-interval", pollInterval);
        ApplicationContext context = Contexts.startWith(properties);
        Daemon daemon = context.getBean(Daemon.class);
        daemon.start();
        try (BenchDelivery delivery = new BenchDelivery(deliverPort, lmtp)) {
            if (!daemon.awaitFirstSync(Duration.ofSeconds(60))) {
                Backlog.say("ERROR: latency: the daemon did not complete a sync within 60 s");
                return;
            }
            Thread.sleep(2000); // the IDLE connection is set up beside the poller
            int next = FIRST_REPORT;
            List<Double> warmUp = new ArrayList<>();
            for (int i = 0; i < WARM_UP; i++) {
                warmUp.add(one(delivery, next++)[0]);
            }
            List<Double> total = new ArrayList<>();
            List<Double> delivering = new ArrayList<>();
            int misses = 0;
            long syncsBefore = daemon.completedSyncs();
            long t0 = System.nanoTime();
            for (int i = 0; i < reports; i++) {
                double[] t = one(delivery, next++);
                if (Double.isInfinite(t[0])) {
                    misses++;
                }
                total.add(t[0]);
                delivering.add(t[1]);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            Collections.sort(total);
            Collections.sort(delivering);
            Backlog.say("latency (%s -> daemon with IDLE, poll-interval %s as shipped -> ack accepted by the SMTP sink), "
                    + "%d reports one at a time after %d warm-up reports (warm-up: %s s)",
                    lmtp ? "LMTP into Dovecot's INBOX" : "SMTP into GreenMail's INBOX",
                    pollInterval, reports, WARM_UP, seconds(warmUp));
            Backlog.say("latency p50 %s s [target < 1 s]   p95 %s s   p99 %s s [target < 3 s]   max %s s   misses (no ack within %d s) %d",
                    format(percentile(total, 50)), format(percentile(total, 95)), format(percentile(total, 99)),
                    format(total.get(total.size() - 1)), timeout.toSeconds(), misses);
            Backlog.say("latency parts: delivery into the mailbox (LMTP/SMTP DATA answered) p50 %s s, p99 %s s; "
                    + "%d mailbox syncs for %d reports in %.1f s", format(percentile(delivering, 50)),
                    format(percentile(delivering, 99)), daemon.completedSyncs() - syncsBefore, reports, wall);
        } finally {
            daemon.close();
            context.close();
        }
    }

    /** Delivers report {@code i} and waits for its acknowledgement: {seconds to the ack (infinite if none), seconds to deliver}. */
    private double[] one(BenchDelivery delivery, int i) throws Exception {
        byte[] raw = BenchReports.report(i);
        long start = BenchSmtpSink.epochMicros();
        delivery.deliver(BenchReports.sender(i), raw);
        long delivered = BenchSmtpSink.epochMicros();
        long acked = BenchSmtpSink.awaitAcknowledgement(setup.smtpPort(), BenchReports.messageId(i), timeout.toMillis());
        double toAck = acked < 0 ? Double.POSITIVE_INFINITY : (acked - start) / 1e6;
        return new double[] {toAck, (delivered - start) / 1e6};
    }

    /** The poll interval in config/conductd.yml, so the daemon runs as shipped. */
    static String shippedPollInterval() {
        try {
            String yml = Files.readString(Path.of("config/conductd.yml"), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("(?m)^\\s+poll-interval:\\s*(\\S+)").matcher(yml);
            if (m.find()) {
                return m.group(1);
            }
        } catch (java.io.IOException e) {
            // not run from the project directory
        }
        return "30s";
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String format(double s) {
        return Double.isInfinite(s) ? "miss" : String.format("%.3f", s);
    }

    private static String seconds(List<Double> values) {
        return String.join(" ", values.stream().map(Latency::format).toList());
    }
}
