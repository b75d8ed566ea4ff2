package org.conductd.support;

import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conductd.app.Contexts;
import org.conductd.app.Daemon;
import org.conductd.app.ManagementServer;
import org.conductd.store.OutboxRepository;
import org.conductd.store.OutboxState;

/**
 * The real daemon on a real SQLite file, pointed at a {@link TestMail} server, with its
 * management HTTP server on a free loopback port. Start, stop and start it again on the
 * same data to test restarts.
 */
public final class TestConductd implements AutoCloseable {

    public static final List<String[]> TEAM = List.of(
            new String[] {"Alice Example", "alice@example.org"},
            new String[] {"Bob Builder", "bob@example.org"},
            new String[] {"Carol Danvers", "carol@example.org"});

    private static final Duration FIRST_SYNC = Duration.ofSeconds(20);

    private final TestMail mail;
    private final Path dataDir;
    private final Map<String, Object> overrides;
    private final List<Object> beans = new ArrayList<>();
    private ApplicationContext context;
    private Daemon daemon;
    private ManagementServer management;

    public TestConductd(TestMail mail, Path dataDir) {
        this(mail, dataDir, Map.of());
    }

    public TestConductd(TestMail mail, Path dataDir, Map<String, Object> overrides) {
        this.mail = mail;
        this.dataDir = dataDir;
        this.overrides = overrides;
    }

    public static Map<String, Object> properties(TestMail mail, Path dataDir) {
        Map<String, Object> p = new HashMap<>();
        p.put(Contexts.DAEMON, true);
        p.put("conductd.event-name", "Test Conf");
        p.put("conductd.address", TestMail.CONDUCT);
        p.put("conductd.imap.host", "127.0.0.1");
        p.put("conductd.imap.port", mail.imapPort());
        p.put("conductd.imap.security", "none");
        p.put("conductd.imap.username", TestMail.CONDUCT);
        p.put("conductd.imap.password", TestMail.CONDUCT_PASSWORD);
        p.put("conductd.imap.timeout", "5s");
        p.put("conductd.smtp.host", "127.0.0.1");
        p.put("conductd.smtp.port", mail.smtpPort());
        p.put("conductd.smtp.security", "none");
        p.put("conductd.smtp.username", TestMail.CONDUCT);
        p.put("conductd.smtp.password", TestMail.CONDUCT_PASSWORD);
        p.put("conductd.smtp.timeout", "5s");
        p.put("conductd.poll-interval", "1s");
        p.put("conductd.organizers", List.of("orga@example.org"));
        p.put("conductd.appeals-contact", "leaders@example.org");
        p.put("conductd.security.token-secret", "6197c7ca4801ec8a6933fa92dacf3a304e4e60968f25b3e8e4d7568b55395ae8");
        p.put("conductd.emergency-contact", "Call 112 in an emergency.");
        p.put("conductd.data-dir", dataDir.toString());
        p.put("datasources.default.url", "jdbc:sqlite:" + dataDir.resolve("conductd.db"));
        p.put("micronaut.server.port", -1); // any free port: tests run side by side
        p.put("conductd.team", TEAM.stream().map(m -> Map.<String, Object>of("name", m[0], "email", m[1])).toList());
        return p;
    }

    /** The daemon sees this clock instead of the system's (for a daemon whose time is not the mail server's). */
    public TestConductd withClock(Clock clock) {
        return withBean(clock);
    }

    /** The daemon uses this bean in place of the built-in one of its type. */
    public TestConductd withBean(Object bean) {
        beans.add(bean);
        return this;
    }

    /**
     * Starts the daemon and waits for its first mailbox sync, so that mail delivered after
     * this returns is new mail, not mail that was waiting before the daemon first looked.
     */
    public TestConductd start() {
        startWithoutWaiting();
        try {
            if (!daemon.awaitFirstSync(FIRST_SYNC)) {
                throw new AssertionError("no mailbox sync within " + FIRST_SYNC + " of starting the daemon");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the first sync", e);
        }
        return this;
    }

    /** Starts the daemon without waiting for a mailbox sync (for a mail server that is down, say). */
    public TestConductd startWithoutWaiting() {
        Map<String, Object> p = properties(mail, dataDir);
        p.putAll(overrides);
        context = Contexts.startWith(p, beans.toArray());
        management = Contexts.serveManagement(context);
        daemon = context.getBean(Daemon.class);
        daemon.start();
        return this;
    }

    /** A URL of the management server, e.g. {@code management("/health")}. */
    public URI management(String path) {
        return URI.create("http://127.0.0.1:" + management.getPort() + path);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Makes the daemon poll now and waits until that poll and everything it queued are done. */
    public void settle() {
        // A sync may already be running and have missed the latest mail: wait for one that starts after this call.
        long before = daemon.completedSyncs();
        daemon.wake();
        Await.until("a completed mailbox sync", () -> daemon.completedSyncs() > before);
        long next = daemon.completedSyncs();
        daemon.wake();
        Await.until("a second completed mailbox sync", () -> daemon.completedSyncs() > next);
        OutboxRepository outbox = bean(OutboxRepository.class);
        Await.until("an empty outbox", () -> outbox.countByState(OutboxState.PENDING) == 0);
    }

    public void stop() {
        if (daemon != null) {
            daemon.close();
        }
        if (management != null) {
            management.stop();
        }
        if (context != null) {
            context.close();
        }
        daemon = null;
        management = null;
        context = null;
    }

    @Override
    public void close() {
        stop();
    }
}
