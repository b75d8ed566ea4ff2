package org.conductd.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** {@code conductd.flood}: past this many new cases an hour, each responder gets a summary this often instead. */
@Introspected
@ConfigurationProperties("conductd.flood")
public record FloodProperties(
        @Bindable(defaultValue = "30") @Positive Integer newCasesPerHour,
        @Bindable(defaultValue = "10m") @Positive Duration summaryEvery) {
}
