package org.conductd.config;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.value.PropertyResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conductd.mail.EmailAddress;
import org.conductd.text.Addresses;

/**
 * The {@code conductd.*} values of one environment, each read as the kind of value it holds;
 * keys are given without the prefix. A blank value counts as absent, and a value of the wrong
 * kind is a {@link ConfigException} naming the key and what was expected.
 */
final class ConfigValues {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private final PropertyResolver env;

    ConfigValues(PropertyResolver env) {
        this.env = env;
    }

    /** The value as written, list or map included, or null. */
    Object raw(String key) {
        return env.getProperty(SettingsLoader.PREFIX + key, Object.class).orElse(null);
    }

    /** Every value under {@code key.}, by the rest of its key. */
    Map<String, Object> properties(String key) {
        return env.getProperties(SettingsLoader.PREFIX + key);
    }

    String required(String key) {
        return optional(key).orElseThrow(() -> new ConfigException(SettingsLoader.PREFIX + key, "missing"));
    }

    Optional<String> optional(String key) {
        return env.getProperty(SettingsLoader.PREFIX + key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    Duration duration(String key, Duration fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration d = ConversionService.SHARED.convert(value.get(), Duration.class).orElse(null);
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(SettingsLoader.PREFIX + key,
                    "'" + value.get() + "' is not a positive duration (e.g. 30s, 5m)");
        }
        return d;
    }

    /**
     * A size in bytes, "25MB" or "25 MB" or "26214400". Read here rather than by Micronaut's
     * readable-bytes conversion, which refuses the space and a bare "B".
     */
    long size(String key, long fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Matcher m = SIZE.matcher(value.get().strip());
        if (!m.matches()) {
            throw new ConfigException(SettingsLoader.PREFIX + key, "'" + value.get() + "' is not a size (e.g. 25MB)");
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
            throw new ConfigException(SettingsLoader.PREFIX + key, "must be greater than zero");
        }
        return bytes;
    }

    int positiveInt(String key, int fallback) {
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
        throw new ConfigException(SettingsLoader.PREFIX + key, "'" + value.get() + "' is not a whole number of at least 1");
    }

    int port(String key, int fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.get().strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new ConfigException(SettingsLoader.PREFIX + key, "'" + value.get() + "' is not a port number (1-65535)");
    }

    EmailAddress requiredAddress(String key) {
        return parseAddress(SettingsLoader.PREFIX + key, required(key));
    }

    Optional<EmailAddress> optionalAddress(String key) {
        return optional(key).map(v -> parseAddress(SettingsLoader.PREFIX + key, v));
    }

    List<EmailAddress> addressList(String key) {
        List<EmailAddress> addresses = new ArrayList<>();
        for (String value : stringList(key)) {
            addresses.add(parseAddress(SettingsLoader.PREFIX + key, value));
        }
        return addresses;
    }

    List<String> stringList(String key) {
        return asStrings(SettingsLoader.PREFIX + key, raw(key));
    }

    /** A list's plain values, or the parts of a comma-separated string; blanks left out. */
    static List<String> asStrings(String key, Object raw) {
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

    /** {@code value} as an address; {@code key} is the full key to name if it is not one. */
    static EmailAddress parseAddress(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, "missing");
        }
        String v = value.strip();
        return Addresses.parse(v).orElseThrow(() -> new ConfigException(key, "'" + v + "' is not an email address"));
    }
}
