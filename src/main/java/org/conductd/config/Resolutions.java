package org.conductd.config;

import io.micronaut.core.value.PropertyResolver;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The resolutions a case may end with ({@code conductd.resolutions}, else the seeds' lists of
 * sanctions, SPEC §3.4) and the sentence that tells people what each one means
 * ({@code conductd.resolution-descriptions}).
 */
public final class Resolutions {

    /** Resolutions from the seeds' lists of sanctions (SPEC §3.4). */
    public static final List<String> DEFAULTS = List.of(
            "no-action", "warning", "stop-behavior", "no-contact", "no-video", "cancel-talk",
            "end-volunteering", "no-future-volunteering", "leave-event", "ban", "publish-account", "other");

    /**
     * What each default resolution means, in words that suit both the reporter and the reported
     * person, since both notices show the same sentence. From the seeds' lists of sanctions.
     */
    public static final Map<String, String> DEFAULT_DESCRIPTIONS = Map.ofEntries(
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

    private static final String KEY = SettingsLoader.PREFIX + "resolutions";
    /** Read here rather than bound: its names are the resolutions', and an environment variable gives each in several spellings. */
    static final String DESCRIPTIONS_KEY = SettingsLoader.PREFIX + "resolution-descriptions";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private Resolutions() {
    }

    /** The configured resolutions, each lower-case words joined by '-', or the defaults if none are. */
    static List<String> read(List<String> configured) {
        if (configured.isEmpty()) {
            return DEFAULTS;
        }
        for (String value : configured) {
            if (!NAME.matcher(value).matches()) {
                throw new ConfigException(KEY, "'" + value + "' must be lower-case words joined by '-', e.g. stop-behavior");
            }
        }
        return configured;
    }

    /** One sentence per configured resolution: the team's own, else the default, else its name in words. */
    static Map<String, String> descriptions(PropertyResolver values, List<String> resolutions) {
        Map<String, Object> configured = values.getProperties(DESCRIPTIONS_KEY);
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (String resolution : resolutions) {
            descriptions.put(resolution, DEFAULT_DESCRIPTIONS.getOrDefault(resolution, describeByName(resolution)));
        }
        for (Map.Entry<String, Object> entry : configured.entrySet()) {
            String name = entry.getKey();
            // An environment variable (CONDUCTD_RESOLUTION_DESCRIPTIONS_NO_ACTION) also arrives as
            // "no.action"; resolution names have no dots, so that spelling is only its echo.
            if (name.contains(".") && configured.containsKey(name.replace('.', '-'))) {
                continue;
            }
            if (!descriptions.containsKey(name)) {
                throw new ConfigException(DESCRIPTIONS_KEY + "." + name,
                        "'" + name + "' is not a configured resolution (" + String.join(", ", resolutions) + ")");
            }
            Object value = entry.getValue();
            if (value == null || value instanceof Map || value instanceof Collection || value.toString().isBlank()) {
                throw new ConfigException(DESCRIPTIONS_KEY + "." + name, "must be one sentence saying what the resolution means");
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
}
