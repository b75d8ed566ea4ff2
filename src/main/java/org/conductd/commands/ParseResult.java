package org.conductd.commands;

import java.util.List;
import java.util.Objects;

/**
 * What a responder's reply says: either every command it holds, valid and ready to apply, with
 * the rest of the text as discussion; or every line that stops it from applying (SPEC §3.4:
 * all or nothing).
 */
public sealed interface ParseResult {

    /**
     * The commands in the order written. {@code discussion} is the new text without command lines
     * and without the bodies that REPLY, RESOLVE and DSF-REPORT consume; it is {@code ""} when
     * the reply holds only commands, so nothing is relayed.
     */
    record Parsed(List<Command> commands, String discussion) implements ParseResult {

        public Parsed {
            commands = List.copyOf(commands);
            Objects.requireNonNull(discussion, "discussion");
        }
    }

    /** Every bad line, in order; never empty. Nothing of the reply may be applied. */
    record Problems(List<Problem> problems) implements ParseResult {

        public Problems {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("Problems without a problem");
            }
        }
    }
}
