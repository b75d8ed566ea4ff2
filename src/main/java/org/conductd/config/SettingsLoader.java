package org.conductd.config;

import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.scheduling.cron.CronExpression;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Resolutions from the seeds' lists of sanctions (SPEC §3.4). */
    public static final List<String> DEFAULT_RESOLUTIONS = List.of(
            "no-action", "warning", "stop-behavior", "no-contact", "no-video", "cancel-talk",
            "end-volunteering", "no-future-volunteering", "leave-event", "ban", "publish-account", "other");

    /**
     * What each default resolution means, in words that suit both the reporter and the reported
     * person, since both notices show the same sentence. From the seeds' lists of sanctions.
     */
    public static final Map<String, String> DEFAULT_RESOLUTION_DESCRIPTIONS = Map.ofEntries(
            Map.entry("no-action", "No action: the team found that no violation of the Code of Conduct occurred."),
            Map.entry("warning", "A warning to stop the behaviour; any further report will lead to sanctions."),
            Map.entry("stop-behavior", "A requirement to stop the behaviour at once."),
            Map.entry("no-contact", "A requirement to avoid any contact with, and physical proximity to, "
                    + "the people concerned for the rest of the event."),
            Map.entry("no-video", "The video of the talk will not be published."),
            Map.entry("cancel-talk", "The talk is cancelled."),
            Map.entry("end-volunteering", "An immediate end to any volunteer responsibilities and privileges at the event."),
            Map.entry("no-future-volunteering", "No volunteering at future events run by the organizers."),
            Map.entry("leave-event", "A requirement to leave the event at once and not return."),
            Map.entry("ban", "A ban from future events run by the organizers."),
            Map.entry("publish-account", "An account of the incident will be published."),
            Map.entry("other", "Other measures, as explained below."));

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>(),;:\"\\[\\]]+@[^@\\s<>(),;:\"\\[\\]]+");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern RESOLUTION = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** 128 bits when the characters are random hex digits, 4 bits each. */
    private static final int MIN_SECRET_LENGTH = 32;
    /** 32 random hex digits show fewer than 8 different ones about once in 28 million. */
    private static final int MIN_SECRET_DISTINCT_CHARACTERS = 8;

    private final PropertyResolver env;
    private final Collection<String> writtenKeys;

    /**
     * Reads from {@code env}; {@code writtenKeys} are the keys someone wrote (in a file, a
     * system property, the properties a context was started with), each of which must be known.
     */
    public SettingsLoader(PropertyResolver env, Collection<String> writtenKeys) {
        this.env = env;
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
        EmailAddress address = requiredAddress("address");
        String secret = tokenSecret();
        List<TeamMember> team = team();
        rejectSharedAddresses(team, address);
        String cron = optional("digest.cron").orElse("0 0 8 * * MON");
        validateCron(cron);
        List<String> resolutions = resolutions();
        return new Settings(
                required("event-name"),
                address,
                tag(),
                server("imap", 993),
                optional("imap.folder").orElse("INBOX"),
                server("smtp", 465),
                duration("poll-interval", Duration.ofSeconds(30)),
                duration("idle-refresh", Duration.ofMinutes(9)),
                size("max-message-size", 25L * 1024 * 1024),
                optional("emergency-contact").orElse(""),
                team,
                addressList("organizers"),
                optionalAddress("dsf.address").orElse(EmailAddress.of("conduct@djangoproject.com")),
                requiredAddress("appeals-contact"),
                secret,
                stringList("security.trusted-authserv-ids"),
                cron,
                zone("digest.zone"),
                positiveInt("approvals-required", 1),
                resolutions,
                positiveInt("acknowledgements-per-hour", 3),
                Path.of(optional("data-dir").orElse("data")),
                templatesDir(),
                resolutionDescriptions(resolutions),
                duration("reminders.idle-after", Duration.ofHours(48)),
                duration("message-budget", Duration.ofSeconds(5)),
                positiveInt("max-mime-parts", 500),
                positiveInt("flood.new-cases-per-hour", 30),
                duration("flood.summary-every", Duration.ofMinutes(10)),
                duration("security.token-max-age", Duration.ofDays(90)));
    }

    /**
     * The token secret, if it can hold 128 random bits: at least 32 characters, at least 8
     * different ones, and not a shorter piece repeated ("0123456789abcdef0123456789abcdef").
     * Every key conductd uses is derived from it, and members, reporters and the DSF all
     * receive values made with those keys, against which a guessable secret can be tried.
     */
    private String tokenSecret() {
        String secret = required("security.token-secret");
        boolean weak = secret.length() < MIN_SECRET_LENGTH
                || secret.chars().distinct().count() < MIN_SECRET_DISTINCT_CHARACTERS
                || repeatsAShorterPiece(secret);
        if (weak) {
            throw new ConfigException(PREFIX + "security.token-secret",
                    "must be a random string of at least " + MIN_SECRET_LENGTH + " characters, not a pattern;"
                            + " make one with `openssl rand -hex 32`");
        }
        return secret;
    }

    /** True if the text is some shorter piece written twice or more (the last time perhaps cut short). */
    static boolean repeatsAShorterPiece(String text) {
        // The longest proper prefix that is also a suffix, by the Knuth-Morris-Pratt failure function: the
        // shortest period is what is left, and a period of at most half the length means a repetition.
        int[] border = new int[text.length()];
        for (int i = 1; i < text.length(); i++) {
            int k = border[i - 1];
            while (k > 0 && text.charAt(i) != text.charAt(k)) {
                k = border[k - 1];
            }
            border[i] = text.charAt(i) == text.charAt(k) ? k + 1 : k;
        }
        int period = text.length() - (text.isEmpty() ? 0 : border[text.length() - 1]);
        return period <= text.length() / 2;
    }

    private Path templatesDir() {
        Optional<String> value = optional("templates-dir");
        if (value.isEmpty()) {
            return null;
        }
        Path dir = Path.of(value.get());
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new ConfigException(PREFIX + "templates-dir", "'" + value.get() + "' is not a folder");
        }
        return dir;
    }

    private String tag() {
        String tag = optional("subject-tag").orElse("CoC");
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
        int port = optional(base + "port").map(v -> port(base + "port", v)).orElse(defaultPort);
        return new MailServer(
                required(base + "host"),
                port,
                security,
                required(base + "username"),
                required(base + "password"),
                duration(base + "timeout", Duration.ofSeconds(30)));
    }

    private MailServer.Security security(String key, String fallback) {
        String value = optional(key).orElse(fallback);
        try {
            return MailServer.Security.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(PREFIX + key, "'" + value + "' is not one of tls, starttls, none");
        }
    }

    private static int port(String key, String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new ConfigException(PREFIX + key, "'" + value + "' is not a port number (1-65535)");
    }

    private List<TeamMember> team() {
        String key = PREFIX + "team";
        Object raw = env.getProperty(key, Object.class).orElse(null);
        if (!(raw instanceof Collection<?> entries) || entries.isEmpty()) {
            throw new ConfigException(key, "missing: list at least one responder (name, email)");
        }
        List<TeamMember> team = new ArrayList<>();
        int index = 0;
        for (Object entry : entries) {
            String at = key + "[" + index++ + "]";
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new ConfigException(at, "must be a map with name and email");
            }
            Object name = fields.get("name");
            if (name == null || name.toString().isBlank()) {
                throw new ConfigException(at + ".name", "missing");
            }
            EmailAddress email = parseAddress(at + ".email", fields.get("email") == null ? null : fields.get("email").toString());
            List<EmailAddress> aliases = new ArrayList<>();
            for (String alias : asStrings(at + ".aliases", fields.get("aliases"))) {
                aliases.add(parseAddress(at + ".aliases", alias));
            }
            Object lead = fields.get("lead");
            team.add(new TeamMember(name.toString().strip(), email, aliases,
                    lead != null && Boolean.parseBoolean(lead.toString())));
        }
        return team;
    }

    /** Two members sharing an address, or a member using the conduct address, would make "who sent this" ambiguous. */
    private static void rejectSharedAddresses(List<TeamMember> team, EmailAddress conductAddress) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < team.size(); i++) {
            for (EmailAddress a : team.get(i).allAddresses()) {
                if (a.sameAddress(conductAddress)) {
                    throw new ConfigException(PREFIX + "team[" + i + "]", "uses the conduct address itself");
                }
                if (!seen.add(a.address())) {
                    throw new ConfigException(PREFIX + "team[" + i + "]", a.address() + " is listed twice on the roster");
                }
            }
        }
    }

    private List<String> resolutions() {
        List<String> values = stringList("resolutions");
        if (values.isEmpty()) {
            return DEFAULT_RESOLUTIONS;
        }
        for (String value : values) {
            if (!RESOLUTION.matcher(value).matches()) {
                throw new ConfigException(PREFIX + "resolutions",
                        "'" + value + "' must be lower-case words joined by '-', e.g. stop-behavior");
            }
        }
        return values;
    }

    /** One sentence per configured resolution: the team's own, else the default, else its name in words. */
    private Map<String, String> resolutionDescriptions(List<String> resolutions) {
        String key = PREFIX + "resolution-descriptions";
        Map<String, Object> configured = env.getProperties(key);
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (String resolution : resolutions) {
            descriptions.put(resolution, DEFAULT_RESOLUTION_DESCRIPTIONS.getOrDefault(resolution, describeByName(resolution)));
        }
        for (Map.Entry<String, Object> entry : configured.entrySet()) {
            String name = entry.getKey();
            // An environment variable (CONDUCTD_RESOLUTION_DESCRIPTIONS_NO_ACTION) also arrives as
            // "no.action"; resolution names have no dots, so that spelling is only its echo.
            if (name.contains(".") && configured.containsKey(name.replace('.', '-'))) {
                continue;
            }
            if (!descriptions.containsKey(name)) {
                throw new ConfigException(key + "." + name,
                        "'" + name + "' is not a configured resolution (" + String.join(", ", resolutions) + ")");
            }
            Object value = entry.getValue();
            if (value == null || value instanceof Map || value instanceof Collection || value.toString().isBlank()) {
                throw new ConfigException(key + "." + name, "must be one sentence saying what the resolution means");
            }
            // A YAML block scalar brings line breaks; the notices show the description as one line.
            descriptions.put(name, value.toString().strip().replaceAll("\\s+", " "));
        }
        return descriptions;
    }

    /** "no-future-volunteering" reads as "no future volunteering". */
    static String describeByName(String resolution) {
        return resolution.replace('-', ' ');
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
        String value = optional(key).orElse("UTC");
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException(PREFIX + key, "'" + value + "' is not a time zone (e.g. UTC, Europe/Berlin)");
        }
    }

    private Duration duration(String key, Duration fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration d = ConversionService.SHARED.convert(value.get(), Duration.class).orElse(null);
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(PREFIX + key, "'" + value.get() + "' is not a positive duration (e.g. 30s, 5m)");
        }
        return d;
    }

    private long size(String key, long fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Matcher m = SIZE.matcher(value.get().strip());
        if (!m.matches()) {
            throw new ConfigException(PREFIX + key, "'" + value.get() + "' is not a size (e.g. 25MB)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long bytes = switch (unit) {
            case "KB" -> n * 1024;
            case "MB" -> n * 1024 * 1024;
            case "GB" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
        if (bytes <= 0) {
            throw new ConfigException(PREFIX + key, "must be greater than zero");
        }
        return bytes;
    }

    private int positiveInt(String key, int fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get().strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new ConfigException(PREFIX + key, "'" + value.get() + "' is not a whole number of at least 1");
    }

    private EmailAddress requiredAddress(String key) {
        return parseAddress(PREFIX + key, required(key));
    }

    private Optional<EmailAddress> optionalAddress(String key) {
        return optional(key).map(v -> parseAddress(PREFIX + key, v));
    }

    private List<EmailAddress> addressList(String key) {
        List<EmailAddress> addresses = new ArrayList<>();
        for (String value : stringList(key)) {
            addresses.add(parseAddress(PREFIX + key, value));
        }
        return addresses;
    }

    private List<String> stringList(String key) {
        return asStrings(PREFIX + key, env.getProperty(PREFIX + key, Object.class).orElse(null));
    }

    private static List<String> asStrings(String key, Object raw) {
        List<String> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        if (raw instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof Map || item instanceof Collection) {
                    throw new ConfigException(key, "must be a list of plain values");
                }
                if (item != null && !item.toString().isBlank()) {
                    values.add(item.toString().strip());
                }
            }
            return values;
        }
        // A comma-separated string, as an environment variable would give it.
        for (String part : raw.toString().split(",")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }

    private static EmailAddress parseAddress(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, "missing");
        }
        String v = value.strip();
        if (!ADDRESS.matcher(v).matches()) {
            throw new ConfigException(key, "'" + v + "' is not an email address");
        }
        return EmailAddress.of(v);
    }

    private String required(String key) {
        return optional(key).orElseThrow(() -> new ConfigException(PREFIX + key, "missing"));
    }

    private Optional<String> optional(String key) {
        return env.getProperty(PREFIX + key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
