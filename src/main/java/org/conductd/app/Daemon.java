package org.conductd.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.conductd.config.Settings;
import org.conductd.ingest.IdleWaker;
import org.conductd.ingest.MailboxSync;
import org.conductd.intake.BatchIntake;
import org.conductd.mail.Backoff;
import org.conductd.outbound.OutboxSender;
import org.conductd.outbound.QuarantineNotices;
import org.conductd.reports.WeeklyDigest;
import org.conductd.store.DatabaseFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: polls the mailbox by UID every {@code poll-interval} (sooner when
 * IDLE reports new mail), hands new mail to the inbox pipeline, sends quarantine notices,
 * and keeps the outbox sender going. A failed poll closes the connection and is retried
 * with backoff; the daemon itself never stops on a mail or server error. It publishes
 * {@code conductd.sync.lag.seconds}: the time since the last completed sync (or since
 * start-up, before the first), which grows while reports wait unread.
 */
@Singleton
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    private final Settings settings;
    private final BatchIntake pipeline;
    private final OutboxSender sender;
    private final QuarantineNotices quarantineNotices;
    private final TransactionOperations<Connection> tx;
    private final WeeklyDigest digest;
    private final Clock clock;
    /** A permit means "poll now"; several wake-ups before a poll count as one. */
    private final Semaphore wakeUps = new Semaphore(0);
    private final CountDownLatch firstSync = new CountDownLatch(1);
    private final AtomicLong completedSyncs = new AtomicLong();
    private volatile Instant startedAt;
    private volatile Instant lastCompletedSync;
    private volatile boolean running;
    private Thread poller;
    private IdleWaker idle;

    public Daemon(Settings settings, BatchIntake pipeline, OutboxSender sender, QuarantineNotices quarantineNotices,
                  TransactionOperations<Connection> tx, WeeklyDigest digest, Clock clock, MeterRegistry metrics) {
        this.digest = digest;
        this.settings = settings;
        this.pipeline = pipeline;
        this.sender = sender;
        this.quarantineNotices = quarantineNotices;
        this.tx = tx;
        this.clock = clock;
        Gauge.builder("conductd.sync.lag.seconds", this, Daemon::syncLagSeconds)
                .description("Seconds since the mailbox was last read completely (since start-up before the first time)")
                .baseUnit("seconds")
                .register(metrics);
    }

    /** conductd's own long-running threads: if one of them dies the daemon handles nothing more. */
    private static final String POLLER_THREAD = "imap-poller";
    static final Set<String> ESSENTIAL_THREADS = Set.of(POLLER_THREAD, OutboxSender.THREAD_NAME, IdleWaker.THREAD_NAME);

    /**
     * Makes any {@link Error} (out of memory, say) in any thread, and anything uncaught in one
     * of conductd's own threads, end the process with exit code 70, so a supervisor restarts
     * it: a daemon whose poller or sender thread silently died would look alive and handle
     * nothing. An exception ending some library's helper thread (the demo's embedded mail
     * server, say) is logged and the daemon carries on. Only for the real process, never in tests.
     */
    public static void exitOnFatalError() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (isFatal(thread, error)) {
                LOG.error("Fatal error in thread {}; stopping so that conductd can be restarted", thread.getName(), error);
                System.exit(70);
            }
            LOG.error("Uncaught exception ended thread {}; conductd carries on", thread.getName(), error);
        });
    }

    static boolean isFatal(Thread thread, Throwable error) {
        return error instanceof Error || ESSENTIAL_THREADS.contains(thread.getName());
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        startedAt = clock.instant();
        DatabaseFile.privateDirectory(settings.dataDir());
        try {
            // A digest missed while the daemon was down goes out now, whatever the mail servers do.
            // Before the threads start: their first reads and writes would make it wait for the
            // database lock, and SQLite's busy handler waits in growing steps.
            digest.catchUp(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("The digest catch-up failed ({}); the quarter-hourly check will retry", e.toString());
        }
        // The sender first: a poller that stores mail with nobody to send what it queues would be half a daemon.
        sender.start();
        poller = new Thread(this::pollLoop, POLLER_THREAD);
        poller.start();
        idle = new IdleWaker(settings.imap(), settings.imapFolder(), settings.idleRefresh(), this::wake);
        idle.start();
        LOG.info("conductd is watching {} on {} every {}s", settings.imapFolder(), settings.imap().host(),
                settings.pollInterval().toSeconds());
    }

    /** Runs the next poll now. */
    public void wake() {
        wakeUps.release();
    }

    public boolean awaitFirstSync(Duration timeout) throws InterruptedException {
        return firstSync.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long completedSyncs() {
        return completedSyncs.get();
    }

    /** When the mailbox was last read completely and its mail handled; empty before the first time since start-up. */
    public Optional<Instant> lastCompletedSync() {
        return Optional.ofNullable(lastCompletedSync);
    }

    /** When {@link #start()} was called; empty before. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    private double syncLagSeconds() {
        Instant since = lastCompletedSync != null ? lastCompletedSync : startedAt;
        return since == null ? Double.NaN : Duration.between(since, clock.instant()).toMillis() / 1000.0;
    }

    private void pollLoop() {
        int failures = 0;
        try (MailboxSync sync = new MailboxSync(settings.imap(), settings.imapFolder(), settings.maxMessageSize(),
                pipeline, DatabaseFile.privateDirectory(settings.oversizedDir()))) {
            while (running) {
                Duration wait = settings.pollInterval();
                try {
                    MailboxSync.Report report = sync.syncOnce();
                    tx.executeWrite(status -> quarantineNotices.sendIfDue());
                    lastCompletedSync = clock.instant();
                    completedSyncs.incrementAndGet();
                    if (firstSync.getCount() > 0) {
                        // Logged before anyone waiting for the first sync goes on, so it comes first.
                        LOG.info("First mailbox sync completed {} ms after the process started",
                                ManagementFactory.getRuntimeMXBean().getUptime());
                        firstSync.countDown();
                    }
                    if (report.fetched() > 0) {
                        LOG.info("Handled {} new messages", report.fetched());
                    }
                    sender.wake();
                    failures = 0;
                } catch (Exception e) {
                    if (!running) {
                        break;
                    }
                    Duration backoff = BACKOFF.after(++failures);
                    LOG.warn("Mailbox sync failed ({}); retrying in {}s", e.toString(), backoff.toSeconds());
                    sync.close();
                    wait = backoff.compareTo(wait) < 0 ? backoff : wait;
                }
                await(wait);
            }
        }
    }

    private void await(Duration wait) {
        try {
            wakeUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        if (idle != null) {
            idle.close();
        }
        sender.close();
        if (poller != null) {
            try {
                poller.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
