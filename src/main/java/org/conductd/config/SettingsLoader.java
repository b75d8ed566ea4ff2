package org.conductd.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.scheduling.cron.CronExpression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.conductd.mail.EmailAddress;
import org.conductd.text.Addresses;

/**
 * Reads {@code conductd.*} from Micronaut's environment (YAML, environment variables, system
 * properties) into the configuration records, checks every key, and builds the {@link
 * Settings} from them, failing on the first problem with a {@link ConfigException} that names
 * the key, so the program never starts half-configured.
 *
 * <p>The records are bound in a context of their own, started from the {@code conductd.*}
 * values alone: the application's context opens the database as it starts, and a bad key
 * must stop everything before that.
 */
public final class SettingsLoader {

    static final String PREFIX = "conductd.";
    /**
     * The records bound once each; with the roster's entries ({@link TeamMemberProperties}) they
     * hold every {@code conductd.*} key the framework binds.
     */
    static final List<Class<?>> RECORDS = List.of(
            EventProperties.class, ImapProperties.class, SmtpProperties.class, SecurityProperties.class,
            DigestProperties.class, FloodProperties.class, RemindersProperties.class, DsfProperties.class);

    private final Environment environment;
    private final Collection<String> writtenKeys;

    /**
     * Reads from {@code environment}; {@code writtenKeys} are the keys someone wrote (in a
     * file, a system property, the properties a context was started with), each of which must
     * be known.
     */
    public SettingsLoader(Environment environment, Collection<String> writtenKeys) {
        this.environment = environment;
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

    /** Every key a deployment may write under {@code conductd.}: the records' keys and those read elsewhere. */
    static Set<String> knownKeys() {
        Set<String> known = new TreeSet<>(UnknownKeys.READ_ELSEWHERE);
        RECORDS.forEach(type -> known.addAll(ConfigErrors.keys(type)));
        known.add(TeamRoster.KEY);
        known.add(Resolutions.DESCRIPTIONS_KEY);
        return known;
    }

    public Settings load() {
        new UnknownKeys(knownKeys()).rejectUnknown(writtenKeys);
        try (ApplicationContext records = recordsContext(environment, RECORDS)) {
            return settings(new ConfigErrors(records), records.getEnvironment());
        }
    }

    /**
     * A started context that holds nothing but the values of {@code environment} that {@code
     * records} and the roster read, to bind them from. Those keys are copied, and no others: the
     * database's keys would open it, and the daemon's would schedule its jobs.
     */
    static ApplicationContext recordsContext(Environment environment, List<Class<?>> records) {
        List<String> keys = new ArrayList<>(List.of(TeamRoster.KEY));
        records.forEach(type -> keys.addAll(ConfigErrors.keys(type)));
        return ApplicationContext.builder()
                .banner(false)
                .deduceEnvironment(false)
                .enableDefaultPropertySources(false)
                .propertySources(PropertySource.of("conductd", values(environment, keys)))
                .build()
                .start();
    }

    private Settings settings(ConfigErrors records, Environment values) {
        EventProperties event = records.bind(EventProperties.class);
        SecurityProperties security = records.bind(SecurityProperties.class);
        EmailAddress address = address(PREFIX + "address", event.address());
        String secret = TokenSecretStrength.requireStrong(security.tokenSecret());
        List<TeamMember> team = TeamRoster.read(values, records);
        TeamRoster.rejectSharedAddresses(team, address);
        DigestProperties digest = records.bind(DigestProperties.class);
        validateCron(digest.cron());
        List<String> resolutions = Resolutions.read(event.resolutions());
        ImapProperties imap = records.bind(ImapProperties.class);
        SmtpProperties smtp = records.bind(SmtpProperties.class);
        FloodProperties flood = records.bind(FloodProperties.class);
        List<EmailAddress> organizers = new ArrayList<>();
        for (String organizer : event.organizers()) {
            organizers.add(address(PREFIX + "organizers", organizer));
        }
        return new Settings(
                event.eventName(),
                address,
                event.subjectTag(),
                imap.server(),
                imap.folder(),
                smtp.server(),
                event.pollInterval(),
                event.idleRefresh(),
                event.maxMessageSize().bytes(),
                event.emergencyContact(),
                team,
                organizers,
                address(PREFIX + "dsf.address", records.bind(DsfProperties.class).address()),
                address(PREFIX + "appeals-contact", event.appealsContact()),
                secret,
                security.trustedAuthservIds(),
                digest.cron(),
                zone(digest.zone()),
                event.approvalsRequired(),
                resolutions,
                event.acknowledgementsPerHour(),
                Path.of(event.dataDir()),
                templatesDir(event.templatesDir()),
                Resolutions.descriptions(environment, resolutions),
                records.bind(RemindersProperties.class).idleAfter(),
                event.messageBudget(),
                event.maxMimeParts(),
                flood.newCasesPerHour(),
                flood.summaryEvery(),
                security.tokenMaxAge());
    }

    /**
     * The values of {@code keys} as the environment resolves them (environment variables and
     * placeholders included, the source that ranks highest winning), stripped; a blank value
     * counts as absent, so that its default applies.
     */
    private static Map<String, Object> values(Environment environment, Collection<String> keys) {
        Map<String, Object> values = new HashMap<>();
        for (String key : keys) {
            Object value = environment.getProperty(key, Object.class).orElse(null);
            if (value instanceof CharSequence text) {
                value = text.toString().strip();
            }
            if (value != null && !value.toString().isEmpty()) {
                values.put(key, value);
            }
        }
        return values;
    }

    /** {@code value} as an address; {@code key} is the full key to name if it is not one. */
    static EmailAddress address(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, "missing");
        }
        String v = value.strip();
        return Addresses.parse(v).orElseThrow(() -> new ConfigException(key, "'" + v + "' is not an email address"));
    }

    private static Path templatesDir(String value) {
        if (value == null) {
            return null;
        }
        Path dir = Path.of(value);
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(PREFIX + "templates-dir", "'" + value + "' is not a folder");
        }
        return dir;
    }

    private static void validateCron(String cron) {
        try {
            CronExpression.create(cron);
        } catch (RuntimeException e) {
            throw new ConfigException(PREFIX + "digest.cron",
                    "'" + cron + "' is not a cron expression (seconds minutes hours day month weekday)");
        }
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException(PREFIX + "digest.zone", "'" + value + "' is not a time zone (e.g. UTC, Europe/Berlin)");
        }
    }
}
