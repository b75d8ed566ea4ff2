package org.conductd.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;

/** The keys directly under {@code conductd.}: the event, its addresses, and the limits of intake and of the team. */
@Introspected
@ConfigurationProperties("conductd")
public record EventProperties(
        @Nullable @NotBlank String eventName,
        @Nullable @NotBlank String address,
        @Bindable(defaultValue = "CoC")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]{0,30}",
                message = "use letters, digits, spaces, '.', '_' or '-' (at most 31 characters), e.g. CoC")
        String subjectTag,
        @Bindable(defaultValue = "30s") @Positive Duration pollInterval,
        @Bindable(defaultValue = "9m") @Positive Duration idleRefresh,
        @Bindable(defaultValue = "25MB") @Positive ByteSize maxMessageSize,
        @Nullable String emergencyContact,
        @Nullable List<String> organizers,
        @Nullable @NotBlank String appealsContact,
        @Bindable(defaultValue = "1") @Positive Integer approvalsRequired,
        @Nullable List<String> resolutions,
        @Bindable(defaultValue = "3") @Positive Integer acknowledgementsPerHour,
        @Bindable(defaultValue = "data") String dataDir,
        @Nullable String templatesDir,
        @Bindable(defaultValue = "5s") @Positive Duration messageBudget,
        @Bindable(defaultValue = "500") @Positive Integer maxMimeParts) {

    public EventProperties {
        emergencyContact = emergencyContact == null ? "" : emergencyContact;
        organizers = ConfigErrors.plainValues(organizers);
        resolutions = ConfigErrors.plainValues(resolutions);
    }
}
