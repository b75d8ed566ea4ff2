package org.conductd.casework;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.conductd.commands.Command;

/**
 * The table from each {@link Command} record type to its handler. It is complete by
 * construction: a permitted type of the sealed interface without a handler, or with two, fails
 * at start-up rather than when a responder first writes that command.
 */
final class CommandHandlers {

    private final Map<Class<?>, CommandHandler<?>> byType = new HashMap<>();

    CommandHandlers(List<CommandHandler<?>> handlers) {
        for (CommandHandler<?> handler : handlers) {
            if (byType.put(handler.type(), handler) != null) {
                throw new IllegalStateException("two handlers for " + handler.type().getSimpleName());
            }
        }
        String missing = Arrays.stream(Command.class.getPermittedSubclasses())
                .filter(type -> !byType.containsKey(type))
                .map(Class::getSimpleName)
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no handler for the command(s) " + missing);
        }
    }

    Optional<Objection> check(Command command, WorkingCopy copy) {
        return check(handlerOf(command), command, copy);
    }

    void apply(Command command, CommandContext context) {
        apply(handlerOf(command), command, context);
    }

    private CommandHandler<?> handlerOf(Command command) {
        return byType.get(command.getClass());
    }

    private static <C extends Command> Optional<Objection> check(CommandHandler<C> handler, Command command,
                                                                 WorkingCopy copy) {
        return handler.check(handler.type().cast(command), copy);
    }

    private static <C extends Command> void apply(CommandHandler<C> handler, Command command, CommandContext context) {
        handler.apply(handler.type().cast(command), context);
    }
}
