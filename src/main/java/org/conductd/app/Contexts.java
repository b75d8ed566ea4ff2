package org.conductd.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.conductd.config.ConfigException;
import org.conductd.config.SettingsLoader;
import org.conductd.store.DatabaseFile;

/**
 * Starts the application context for a command: validates the configuration first (so a
 * bad key stops everything before anything starts) and creates the database file with
 * owner-only permissions before SQLite would create it with the process umask.
 */
public final class Contexts {

    static final String DEFAULT_CONFIG = "config/conductd.yml";
    /** Set for the daemon (run, demo) only: its scheduled jobs exist nowhere else. */
    public static final String DAEMON = "conductd.daemon";

    private Contexts() {
    }

    /** Starts the context for a deployment: config/conductd.yml (or the configured file) plus {@code properties}. */
    public static ApplicationContext start(Map<String, Object> properties) {
        useDefaultConfigFile();
        return startWith(properties);
    }

    /** Starts the context from {@code properties} and the built-in defaults only (the demo, tests). */
    public static ApplicationContext startWith(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder()
                .banner(false)
                .deduceEnvironment(false)
                .properties(properties)
                .build();
        Environment environment = context.getEnvironment();
        environment.start();
        new SettingsLoader(environment).load();
        String url = environment.getProperty("datasources.default.url", String.class)
                .orElseThrow(() -> new ConfigException("datasources.default.url", "missing"));
        if (!url.startsWith("jdbc:sqlite:")) {
            throw new ConfigException("datasources.default.url", "must be a jdbc:sqlite: URL");
        }
        DatabaseFile.prepare(url);
        context.start();
        try {
            context.getBean(TemplateCheck.class).checkAll();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return context;
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
