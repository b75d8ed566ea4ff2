package org.conductd.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * {@code conductd.smtp}: the server conductd sends through. Submission on 587 with STARTTLS is
 * what most providers document for sending, hence the default.
 */
@Introspected
@ConfigurationProperties("conductd.smtp")
public record SmtpProperties(
        @Nullable @NotBlank String host,
        @Nullable @Min(1) @Max(65535) Integer port,
        @Bindable(defaultValue = "starttls") MailServer.Security security,
        @Nullable @NotBlank String username,
        @Nullable @NotBlank String password,
        @Bindable(defaultValue = "30s") @Positive Duration timeout) implements MailServerProperties {

    /** The server; SMTP over TLS listens on 465, submission with STARTTLS on 587, plain SMTP on 25. */
    MailServer server() {
        return server(465, 587, 25);
    }

    @Override
    public String toString() {
        // Never print the password.
        return "SmtpProperties[" + host + ":" + port + " " + security + " user=" + username + "]";
    }
}
