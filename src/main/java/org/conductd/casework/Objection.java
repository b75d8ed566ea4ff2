package org.conductd.casework;

import java.util.List;
import java.util.Optional;

/** Why a command cannot apply, and the valid choices to name in the error mail. */
record Objection(String reason, List<String> choices) {

    Objection(String reason) {
        this(reason, List.of());
    }

    /** An objection without choices, as the result of a check. */
    static Optional<Objection> of(String reason) {
        return Optional.of(new Objection(reason));
    }
}
