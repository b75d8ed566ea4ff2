package org.conductd.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a written {@code conductd.*} key that nothing reads, naming it and the known key it
 * is most likely a misspelling of: a mistyped optional key would otherwise leave its default in
 * force without a word.
 */
final class UnknownKeys {

    /** Keys no configuration record holds: read by the daemon's jobs, or by tests and their hooks. */
    static final Set<String> READ_ELSEWHERE = Set.of(
            "conductd.daemon", "conductd.flood.check-every", "conductd.pause-at", "conductd.corpora");

    /** Under these, the loader itself judges every name (one description per resolution). */
    private static final List<String> OPEN_PREFIXES = List.of("conductd.resolution-descriptions.");

    /** A suggestion further from the key than this many edits would be a guess, not a correction. */
    private static final int MAX_SUGGESTION_EDITS = 3;

    private final Set<String> known;

    UnknownKeys(Collection<String> knownKeys) {
        this.known = Set.copyOf(knownKeys);
    }

    /** Throws a {@link ConfigException} for the first key of {@code written} under {@code conductd.} that is not known. */
    void rejectUnknown(Collection<String> written) {
        written.stream()
                .filter(key -> key.startsWith(SettingsLoader.PREFIX))
                .filter(key -> !isKnown(key))
                .sorted()
                .findFirst()
                .ifPresent(key -> {
                    throw new ConfigException(key, suggestion(key)
                            .map(s -> "unknown key; did you mean " + s + "?")
                            .orElse("unknown key"));
                });
    }

    private boolean isKnown(String key) {
        // An entry of a list ("conductd.team[0].email") belongs to the list, which its reader checks.
        int index = key.indexOf('[');
        String root = index < 0 ? key : key.substring(0, index);
        if (known.contains(root) || OPEN_PREFIXES.stream().anyMatch(root::startsWith)) {
            return true;
        }
        // A map written whole ("conductd.imap" = {host: ...}) is the parent of the keys it holds.
        return known.stream().anyMatch(k -> k.startsWith(root + "."));
    }

    private Optional<String> suggestion(String key) {
        return known.stream()
                .filter(k -> k.startsWith(SettingsLoader.PREFIX))
                .min(Comparator.comparingInt((String k) -> editDistance(key, k)).thenComparing(k -> k))
                .filter(k -> editDistance(key, k) <= MAX_SUGGESTION_EDITS);
    }

    /**
     * Levenshtein distance: insertions, deletions and substitutions. A dozen lines for one
     * message, where commons-text would be a dependency for a single function.
     */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
