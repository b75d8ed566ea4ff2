package org.conductd.config;

import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.scheduling.cron.CronExpression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.conductd.mail.EmailAddress;

/**
 * Reads {@code conductd.*} from Micronaut's environment (YAML, environment variables,
 * system properties) and validates every key, failing on the first problem with a
 * {@link ConfigException} that names the key, so the program never starts half-configured.
 *
 * <p>Written out rather than bound with {@code @ConfigurationProperties}: the contract is one
 * line naming the bad key (SPEC §2), which bean validation's multi-line reports do not give,
 * and the roster is a list of maps that also has to accept environment-variable forms.
 */
public final class SettingsLoader {

    static final String PREFIX = "conductd.";
    /** When the weekly digest goes out unless {@code conductd.digest.cron} says otherwise; the scheduler reads it too. */
    public static final String DEFAULT_DIGEST_CRON = "0 0 8 * * MON";
    /** The zone the digest's schedule is read in unless {@code conductd.digest.zone} names one. */
    public static final String DEFAULT_DIGEST_ZONE = "UTC";

    /** Every key {@link #load} reads; a written {@code conductd.*} key outside these is refused. */
    static final Set<String> KEYS = Set.of(
            "conductd.event-name", "conductd.address", "conductd.subject-tag",
            "conductd.imap.host", "conductd.imap.port", "conductd.imap.security", "conductd.imap.username",
            "conductd.imap.password", "conductd.imap.timeout", "conductd.imap.folder",
            "conductd.smtp.host", "conductd.smtp.port", "conductd.smtp.security", "conductd.smtp.username",
            "conductd.smtp.password", "conductd.smtp.timeout",
            "conductd.poll-interval", "conductd.idle-refresh", "conductd.max-message-size", "conductd.emergency-contact",
            "conductd.team", "conductd.organizers", "conductd.dsf.address", "conductd.appeals-contact",
            "conductd.security.token-secret", "conductd.security.trusted-authserv-ids", "conductd.security.token-max-age",
            "conductd.digest.cron", "conductd.digest.zone", "conductd.approvals-required", "conductd.resolutions",
            "conductd.resolution-descriptions", "conductd.acknowledgements-per-hour", "conductd.data-dir",
            "conductd.templates-dir", "conductd.reminders.idle-after", "conductd.message-budget",
            "conductd.max-mime-parts", "conductd.flood.new-cases-per-hour", "conductd.flood.summary-every");

    private final ConfigValues values;
    private final Collection<String> writtenKeys;

    /**
     * Reads from {@code env}; {@code writtenKeys} are the keys someone wrote (in a file, a
     * system property, the properties a context was started with), each of which must be known.
     */
    public SettingsLoader(PropertyResolver env, Collection<String> writtenKeys) {
        this.values = new ConfigValues(env);
        this.writtenKeys = List.copyOf(writtenKeys);
    }

    /**
     * A loader for a started environment. Keys from environment variables are not judged:
     * Micronaut turns CONDUCTD_A_B into several dotted spellings, all but one of them unknown.
     */
    public static SettingsLoader of(Environment environment) {
        Set<String> written = new TreeSet<>();
        for (PropertySource source : environment.getPropertySources()) {
            if (!EnvironmentPropertySource.NAME.equals(source.getName())) {
                source.forEach(written::add);
            }
        }
        return new SettingsLoader(environment, written);
    }

    public Settings load() {
        Set<String> known = new HashSet<>(KEYS);
        known.addAll(UnknownKeys.READ_ELSEWHERE);
        new UnknownKeys(known).rejectUnknown(writtenKeys);
        EmailAddress address = values.requiredAddress("address");
        String secret = TokenSecretStrength.requireStrong(values.required("security.token-secret"));
        List<TeamMember> team = TeamRoster.read(values);
        TeamRoster.rejectSharedAddresses(team, address);
        String cron = values.optional("digest.cron").orElse(DEFAULT_DIGEST_CRON);
        validateCron(cron);
        List<String> resolutions = Resolutions.read(values);
        return new Settings(
                values.required("event-name"),
                address,
                tag(),
                server("imap", 993),
                values.optional("imap.folder").orElse("INBOX"),
                server("smtp", 465),
                values.duration("poll-interval", Duration.ofSeconds(30)),
                values.duration("idle-refresh", Duration.ofMinutes(9)),
                values.size("max-message-size", 25L * 1024 * 1024),
                values.optional("emergency-contact").orElse(""),
                team,
                values.addressList("organizers"),
                values.optionalAddress("dsf.address").orElse(EmailAddress.of("conduct@djangoproject.com")),
                values.requiredAddress("appeals-contact"),
                secret,
                values.stringList("security.trusted-authserv-ids"),
                cron,
                zone("digest.zone"),
                values.positiveInt("approvals-required", 1),
                resolutions,
                values.positiveInt("acknowledgements-per-hour", 3),
                Path.of(values.optional("data-dir").orElse("data")),
                templatesDir(),
                Resolutions.descriptions(values, resolutions),
                values.duration("reminders.idle-after", Duration.ofHours(48)),
                values.duration("message-budget", Duration.ofSeconds(5)),
                values.positiveInt("max-mime-parts", 500),
                values.positiveInt("flood.new-cases-per-hour", 30),
                values.duration("flood.summary-every", Duration.ofMinutes(10)),
                values.duration("security.token-max-age", Duration.ofDays(90)));
    }

    private Path templatesDir() {
        Optional<String> value = values.optional("templates-dir");
        if (value.isEmpty()) {
            return null;
        }
        Path dir = Path.of(value.get());
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(PREFIX + "templates-dir", "'" + value.get() + "' is not a folder");
        }
        return dir;
    }

    private String tag() {
        String tag = values.optional("subject-tag").orElse("CoC");
        if (!tag.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,30}")) {
            throw new ConfigException(PREFIX + "subject-tag",
                    "use letters, digits, spaces, '.', '_' or '-' (at most 31 characters), e.g. CoC");
        }
        return tag;
    }

    private MailServer server(String which, int tlsPort) {
        String base = which + ".";
        // Submission on 587 with STARTTLS is what most providers document for sending.
        MailServer.Security security = security(base + "security", "imap".equals(which) ? "tls" : "starttls");
        int defaultPort = switch (security) {
            case TLS -> tlsPort;
            case STARTTLS -> "imap".equals(which) ? 143 : 587;
            case NONE -> "imap".equals(which) ? 143 : 25;
        };
        int port = values.port(base + "port", defaultPort);
        return new MailServer(
                values.required(base + "host"),
                port,
                security,
                values.required(base + "username"),
                values.required(base + "password"),
                values.duration(base + "timeout", Duration.ofSeconds(30)));
    }

    private MailServer.Security security(String key, String fallback) {
        String value = values.optional(key).orElse(fallback);
        try {
            return MailServer.Security.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(PREFIX + key, "'" + value + "' is not one of tls, starttls, none");
        }
    }

    private void validateCron(String cron) {
        try {
            CronExpression.create(cron);
        } catch (RuntimeException e) {
            throw new ConfigException(PREFIX + "digest.cron",
                    "'" + cron + "' is not a cron expression (seconds minutes hours day month weekday)");
        }
    }

    private ZoneId zone(String key) {
        String value = values.optional(key).orElse(DEFAULT_DIGEST_ZONE);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException(PREFIX + key, "'" + value + "' is not a time zone (e.g. UTC, Europe/Berlin)");
        }
    }
}
