package org.conductd.app;

import java.time.Duration;

/**
 * How long each part of starting a command's context took: reading and validating the
 * configuration, starting the application context (the database and its migrations
 * included), and rendering every template once. Logged at debug level and kept in the
 * context, so that a slow start-up can be told apart.
 */
public record StartupTimes(Duration configuration, Duration context, Duration templates) {
}
