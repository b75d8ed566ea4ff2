package org.conductd.commands;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conductd.mail.Severity;

/**
 * The commands responders may write, looked up by keyword in any case, and the plain-text
 * reference that {@code HELP} and the case notification show. Both come from {@link CommandSpec}.
 */
public final class CommandTable {

    private static final Map<String, CommandSpec> BY_KEYWORD = Arrays.stream(CommandSpec.values())
            .collect(Collectors.toUnmodifiableMap(s -> s.keyword().toUpperCase(Locale.ROOT), Function.identity()));

    private CommandTable() {
    }

    /** The command a word names, in any case, or empty. */
    public static Optional<CommandSpec> lookup(String word) {
        return Optional.ofNullable(BY_KEYWORD.get(word.strip().toUpperCase(Locale.ROOT)));
    }

    /** Every keyword, in the order of the reference. */
    public static List<String> keywords() {
        return Arrays.stream(CommandSpec.values()).map(CommandSpec::keyword).toList();
    }

    /**
     * The command reference: each command's syntax on a line of its own, then its summary
     * indented below; then the member forms, severities and the configured resolutions.
     */
    public static String helpText(List<String> resolutions) {
        StringBuilder text = new StringBuilder();
        text.append("conductd commands\n\n")
                .append("Write each command at the start of a line of its own in your reply,\n")
                .append("as KEYWORD: value or the keyword alone; keywords may be in any case.\n")
                .append("The commands of one reply apply together or not at all: if one line is\n")
                .append("wrong, nothing is done and you are told which lines to fix.\n\n");
        for (CommandSpec spec : CommandSpec.values()) {
            text.append(spec.usage()).append('\n');
            if (spec.takesBody()) {
                text.append("    followed by ").append(spec.bodySyntax()).append(", up to the next command\n");
            }
            text.append("    ").append(spec.summary());
            if (spec.needsApproval()) {
                text.append(" Sent only after another member's APPROVE.");
            }
            text.append('\n');
        }
        text.append('\n')
                .append("Members may be named as me, by a roster address or alias, by their full\n")
                .append("name, or by a first name no one else on the team has.\n")
                .append("Severities: ").append(String.join(", ", Severity.labels())).append('\n')
                .append("Resolutions: ")
                .append(resolutions.isEmpty() ? "(none configured)" : String.join(", ", resolutions))
                .append('\n');
        return text.toString();
    }
}
