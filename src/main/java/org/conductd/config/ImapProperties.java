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

/** {@code conductd.imap}: the mailbox of the conduct address. */
@Introspected
@ConfigurationProperties("conductd.imap")
public record ImapProperties(
        @Nullable @NotBlank String host,
        @Nullable @Min(1) @Max(65535) Integer port,
        @Bindable(defaultValue = "tls") MailServer.Security security,
        @Nullable @NotBlank String username,
        @Nullable @NotBlank String password,
        @Bindable(defaultValue = "30s") @Positive Duration timeout,
        @Bindable(defaultValue = "INBOX") String folder) implements MailServerProperties {

    /** The server; IMAP over TLS listens on 993, with STARTTLS or in the clear on 143. */
    MailServer server() {
        return server(993, 143, 143);
    }

    @Override
    public String toString() {
        // Never print the password.
        return "ImapProperties[" + host + ":" + port + " " + security + " user=" + username + "]";
    }
}
