package org.conductd.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** {@code conductd.reminders}: how long a case may sit untouched before the team is reminded of it. */
@Introspected
@ConfigurationProperties("conductd.reminders")
public record RemindersProperties(@Bindable(defaultValue = "48h") @Positive Duration idleAfter) {
}
