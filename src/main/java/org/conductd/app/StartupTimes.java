package org.conductd.app;

import java.time.Duration;

/**
 * How long each part of starting a command's context took: reading and validating the
 * configuration, starting the application context (the database and its migrations
 * included), rendering every template once (on its own thread, alongside the context
 * start), and all of it. Logged at debug level and kept in the context, so that a slow
 * start-up can be told apart.
 */
public record StartupTimes(Duration configuration, Duration context, Duration templates, Duration total) {
}
