package org.conductd.commands;

import java.util.List;
import java.util.Objects;

/**
 * One bad line of a reply: where it is (1-based, in the new text), the line as written, why it
 * was refused in a sentence for the sender, and what may be written instead (empty when there
 * is no fixed set of choices).
 */
public record Problem(int lineNumber, String line, String reason, List<String> validChoices) {

    public Problem {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(reason, "reason");
        validChoices = List.copyOf(validChoices);
    }
}
