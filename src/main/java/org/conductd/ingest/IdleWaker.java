package org.conductd.ingest;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.conductd.config.MailServer;
import org.conductd.mail.Backoff;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds an IMAP IDLE on its own connection and calls {@code wake} when the server reports
 * new mail, so the poller runs at once instead of at its next tick. It is only a wake-up:
 * the UID poll stays the source of truth. A watchdog breaks off every IDLE after
 * {@code refresh} by closing its socket, and the connection is set up again, so an IDLE
 * on a connection that died silently cannot hang on for ever.
 */
public final class IdleWaker implements AutoCloseable {

    /** The thread that keeps the IDLE, one of the daemon's own. */
    public static final String THREAD_NAME = "imap-idle";

    private static final Logger LOG = LoggerFactory.getLogger(IdleWaker.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    private final MailServer server;
    private final String folderName;
    private final Duration refresh;
    private final Runnable wake;
    private final TrackingSockets sockets = new TrackingSockets();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "imap-idle-watchdog"));
    private final Thread thread;
    private volatile boolean running = true;

    public IdleWaker(MailServer server, String folderName, Duration refresh, Runnable wake) {
        this.server = server;
        this.folderName = folderName;
        this.refresh = refresh;
        this.wake = wake;
        this.thread = daemon(this::loop, THREAD_NAME);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                boolean supported = idleUntilBroken();
                if (!supported) {
                    LOG.info("The IMAP server has no IDLE; relying on the poll interval");
                    return;
                }
                failures = 0;
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.debug("IDLE connection ended: {}", e.toString());
                sleep(BACKOFF.after(++failures).toMillis());
            } finally {
                sockets.closeAll();
            }
        }
    }

    /** Returns false if the server has no IDLE; otherwise idles until the connection breaks or is refreshed. */
    private boolean idleUntilBroken() throws MessagingException {
        String protocol = MailSessions.imapProtocol(server);
        Properties extra = new Properties();
        if (server.security() == MailServer.Security.TLS) {
            extra.put("mail." + protocol + ".ssl.socketFactory", sockets.tls());
        } else {
            extra.put("mail." + protocol + ".socketFactory", sockets.plain());
        }
        Store store = MailSessions.imap(server, extra).getStore(protocol);
        try {
            store.connect(server.host(), server.port(), server.username(), server.password());
            if (!((IMAPStore) store).hasCapability("IDLE")) {
                return false;
            }
            IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            // Mail may have arrived while there was no IDLE: look now rather than at the next poll.
            wake.run();
            while (running && folder.isOpen()) {
                ScheduledFuture<?> guard = watchdog.schedule(sockets::closeAll, refresh.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    folder.idle(true);
                } finally {
                    guard.cancel(false);
                }
                wake.run();
            }
            return true;
        } finally {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("closing the IDLE connection failed", e);
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        running = false;
        sockets.closeAll();
        thread.interrupt();
        watchdog.shutdownNow();
    }
}
