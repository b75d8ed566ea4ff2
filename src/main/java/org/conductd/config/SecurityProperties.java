package org.conductd.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;

/**
 * {@code conductd.security}: the secret every token is derived from, the mail servers whose
 * Authentication-Results are trusted, and how long a token in a reply stays good for commands.
 */
@Introspected
@ConfigurationProperties("conductd.security")
public record SecurityProperties(
        @Nullable @NotBlank String tokenSecret,
        @Nullable List<String> trustedAuthservIds,
        @Bindable(defaultValue = "90d") @Positive Duration tokenMaxAge) {

    public SecurityProperties {
        trustedAuthservIds = ConfigErrors.plainValues(trustedAuthservIds);
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "SecurityProperties[trustedAuthservIds=" + trustedAuthservIds + " tokenMaxAge=" + tokenMaxAge + "]";
    }
}
