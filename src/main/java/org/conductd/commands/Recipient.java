package org.conductd.commands;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whom a {@code REPLY:} draft is addressed to. */
public enum Recipient {
    REPORTER, REPORTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Recipient> fromLabel(String word) {
        return Arrays.stream(values()).filter(r -> r.label().equalsIgnoreCase(word.strip())).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Recipient::label).toList();
    }
}
