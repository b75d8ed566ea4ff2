package org.conductd.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.conductd.config.ConfigException;
import org.conductd.config.Settings;
import org.conductd.config.SettingsLoader;
import org.conductd.outbound.TemplateCheck;
import org.conductd.outbound.TemplateRenderer;
import org.conductd.outbound.TemplateSource;
import org.conductd.store.DatabaseFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the application context for a command: validates the configuration first (so a
 * bad key stops everything before anything starts) and creates the database file with
 * owner-only permissions before SQLite would create it with the process umask. The HTTP
 * server for {@code /health} and {@code /metrics} is not started with the context: only
 * {@code run} and {@code demo} start it, through {@link #serveManagement}.
 */
public final class Contexts {

    private static final Logger LOG = LoggerFactory.getLogger(Contexts.class);
    static final String DEFAULT_CONFIG = "config/conductd.yml";
    /** Set for the daemon (run, demo) only: its scheduled jobs exist nowhere else. */
    public static final String DAEMON = "conductd.daemon";
    /** The system property Jakarta Mail reads before it searches the class path for a StreamProvider. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up anew for every body part, multipart and
        // header block it creates, by a ServiceLoader scan of the class path; that scan cost more
        // than composing the message. Named here, each lookup is a cached Class.forName.
        System.getProperties().putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private Contexts() {
    }

    /** Starts the context for a deployment: config/conductd.yml (or the configured file) plus {@code properties}. */
    public static ApplicationContext start(Map<String, Object> properties) {
        useDefaultConfigFile();
        return startWith(properties);
    }

    /** Starts the context from {@code properties} and the built-in defaults only (the demo, tests). */
    public static ApplicationContext startWith(Map<String, Object> properties) {
        return startWith(properties, new Object[0]);
    }

    /**
     * As {@link #startWith(Map)}, with beans that take the place of the built-in ones of their
     * type: a {@link java.time.Clock}, say, for a daemon that must see another time.
     */
    public static ApplicationContext startWith(Map<String, Object> properties, Object... singletons) {
        long t0 = System.nanoTime();
        ApplicationContext context = ApplicationContext.builder()
                .banner(false)
                .deduceEnvironment(false)
                .properties(properties)
                .singletons(singletons)
                .build();
        Environment environment = context.getEnvironment();
        environment.start();
        Settings settings = SettingsLoader.of(environment).load();
        // Read and checked once, here, before anything starts; every bean gets this one.
        context.registerSingleton(Settings.class, settings);
        String url = environment.getProperty("datasources.default.url", String.class)
                .orElseThrow(() -> new ConfigException("datasources.default.url", "missing"));
        if (!url.startsWith("jdbc:sqlite:")) {
            throw new ConfigException("datasources.default.url", "must be a jdbc:sqlite: URL");
        }
        DatabaseFile.prepare(url);
        long t1 = System.nanoTime();
        // Every template is rendered while the context starts (mostly the database and its
        // migrations): the two share nothing, so with a second core the check adds no time.
        // Both end before this returns, so a broken template still stops everything.
        FutureTask<Duration> templates = new FutureTask<>(() -> checkTemplates(settings));
        Thread checker = new Thread(templates, "template-check");
        checker.setDaemon(true);
        checker.start();
        context.start();
        long t2 = System.nanoTime();
        Duration templateTime;
        try {
            templateTime = templates.get();
        } catch (ExecutionException e) {
            context.close();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            context.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the templates were checked", e);
        }
        long t3 = System.nanoTime();
        StartupTimes times = new StartupTimes(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), templateTime,
                Duration.ofNanos(t3 - t0));
        context.registerSingleton(StartupTimes.class, times);
        LOG.debug("Started in {} ms: configuration {} ms, context and database {} ms, templates {} ms (alongside)",
                times.total().toMillis(), times.configuration().toMillis(), times.context().toMillis(),
                times.templates().toMillis());
        return context;
    }

    /** Renders every template once with the renderer the context would build; returns how long it took. */
    private static Duration checkTemplates(Settings settings) {
        long t0 = System.nanoTime();
        new TemplateCheck(new TemplateRenderer(new TemplateSource(settings.templatesDir()))).checkAll();
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /**
     * Fails with a configuration error naming {@code micronaut.server.port} if the management
     * port is in use: called before the daemon starts, so that nothing starts then.
     */
    public static void checkManagementPort(ApplicationContext context) {
        ManagementAddress address = context.getBean(ManagementAddress.class);
        if (address.port() > 0) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(address.host(), address.port()));
            } catch (IOException e) {
                throw portInUse(address.host(), address.port(), e);
            }
        }
    }

    /**
     * Starts the management HTTP server ({@code /health}, {@code /metrics}) on
     * {@code micronaut.server.host}:{@code micronaut.server.port}. A port already in use is a
     * configuration error naming the key.
     */
    public static ManagementServer serveManagement(ApplicationContext context) {
        ManagementAddress address = context.getBean(ManagementAddress.class);
        try {
            return ManagementServer.start(context, new InetSocketAddress(address.host(), Math.max(address.port(), 0)));
        } catch (IOException e) {
            throw portInUse(address.host(), address.port(), e);
        }
    }

    private static ConfigException portInUse(String host, int port, IOException e) {
        return new ConfigException("micronaut.server.port", "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
    }

    /** config/conductd.yml is read unless -Dmicronaut.config.files or MICRONAUT_CONFIG_FILES says otherwise. */
    private static void useDefaultConfigFile() {
        if (System.getProperty("micronaut.config.files") == null && System.getenv("MICRONAUT_CONFIG_FILES") == null
                && Files.isRegularFile(Path.of(DEFAULT_CONFIG))) {
            System.setProperty("micronaut.config.files", DEFAULT_CONFIG);
        }
    }

    /** The configuration problem behind a start-up failure, if that is what it was. */
    static ConfigException configProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConfigException e) {
                return e;
            }
        }
        return null;
    }
}
