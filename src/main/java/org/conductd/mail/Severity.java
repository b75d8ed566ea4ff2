package org.conductd.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How serious a case is, as set by {@code SEVERITY:}; {@link #URGENT} alerts everyone at once. */
public enum Severity {
    LOW, MEDIUM, HIGH, URGENT;

    /** The word responders write, and the one stored. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromLabel(String word) {
        return Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(word.strip())).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Severity::label).toList();
    }
}
