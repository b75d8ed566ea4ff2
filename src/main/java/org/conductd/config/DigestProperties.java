package org.conductd.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code conductd.digest}: when the weekly digest goes out, and in which time zone that is read. */
@Introspected
@ConfigurationProperties("conductd.digest")
public record DigestProperties(
        @Bindable(defaultValue = DigestProperties.DEFAULT_CRON) String cron,
        @Bindable(defaultValue = DigestProperties.DEFAULT_ZONE) String zone) {

    /** When the weekly digest goes out unless {@code conductd.digest.cron} says otherwise; the scheduler reads it too. */
    public static final String DEFAULT_CRON = "0 0 8 * * MON";
    /** The zone the digest's schedule is read in unless {@code conductd.digest.zone} names one. */
    public static final String DEFAULT_ZONE = "UTC";
}
