package org.conductd.casework;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.conductd.commands.Command;

/**
 * What one type of command does: {@link #check} it against the reply's working copy (which it
 * may change, as the command would), and {@link #apply} it to the stored case.
 */
interface CommandHandler<C extends Command> {

    /** The command record this handler takes. */
    Class<C> type();

    /** Why the command cannot apply to the case as the reply's earlier commands leave it, if it cannot. */
    Optional<Objection> check(C command, WorkingCopy copy);

    /** Makes the command's change, recording it and adding its transcript lines and mail to the context. */
    void apply(C command, CommandContext context);

    /** A handler for a command the case's state never forbids. */
    static <C extends Command> CommandHandler<C> of(Class<C> type, BiConsumer<C, CommandContext> apply) {
        return of(type, (command, copy) -> Optional.empty(), apply);
    }

    /** A handler made of a check and an apply step. */
    static <C extends Command> CommandHandler<C> of(Class<C> type, BiFunction<C, WorkingCopy, Optional<Objection>> check,
                                                    BiConsumer<C, CommandContext> apply) {
        return new CommandHandler<>() {
            @Override
            public Class<C> type() {
                return type;
            }

            @Override
            public Optional<Objection> check(C command, WorkingCopy copy) {
                return check.apply(command, copy);
            }

            @Override
            public void apply(C command, CommandContext context) {
                apply.accept(command, context);
            }
        };
    }
}
