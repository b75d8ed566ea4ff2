package org.conductd.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.conductd.commands.Command;
import org.junit.jupiter.api.Test;

class CommandHandlersTest {

    @Test
    void aHandlerForEveryCommandIsAcceptedAndDispatchedByType() {
        List<Class<?>> checked = new ArrayList<>();
        List<CommandHandler<?>> handlers = Arrays.stream(Command.class.getPermittedSubclasses())
                .<CommandHandler<?>>map(type -> recording(type.asSubclass(Command.class), checked))
                .toList();
        CommandHandlers table = new CommandHandlers(handlers);

        Optional<Objection> objection = table.check(new Command.Close(), null);

        assertEquals(List.of(Command.Close.class), checked);
        assertEquals("Close", objection.orElseThrow().reason());
    }

    @Test
    void aCommandWithoutAHandlerFailsAtConstruction() {
        List<CommandHandler<?>> handlers = Arrays.stream(Command.class.getPermittedSubclasses())
                .filter(type -> type != Command.SendNow.class)
                .<CommandHandler<?>>map(type -> recording(type.asSubclass(Command.class), new ArrayList<>()))
                .toList();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new CommandHandlers(handlers));

        assertTrue(thrown.getMessage().contains("SendNow"), thrown.getMessage());
    }

    @Test
    void twoHandlersForOneCommandFailAtConstruction() {
        List<CommandHandler<?>> handlers = new ArrayList<>(Arrays.stream(Command.class.getPermittedSubclasses())
                .<CommandHandler<?>>map(type -> recording(type.asSubclass(Command.class), new ArrayList<>()))
                .toList());
        handlers.add(recording(Command.Note.class, new ArrayList<>()));

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new CommandHandlers(handlers));

        assertTrue(thrown.getMessage().contains("Note"), thrown.getMessage());
    }

    @Test
    void theShippedHandlersCoverEveryCommandOnce() {
        List<CommandHandler<?>> shipped = new ArrayList<>();
        shipped.addAll(new RecordCommands(null, null, null, null).handlers());
        shipped.addAll(new StateCommands(null, null).handlers());
        shipped.addAll(new TeamCommands(null, null, null, null).handlers());
        shipped.addAll(new PeopleCommands(null, null, null, null, null).handlers());
        shipped.addAll(new DraftingCommands(null, null, null, null).handlers());
        shipped.addAll(new DecisionCommands(null, null, null).handlers());
        shipped.addAll(new AnswerCommands(null, null, null, null, null).handlers());

        new CommandHandlers(shipped);

        assertEquals(Command.class.getPermittedSubclasses().length, shipped.size());
    }

    /** A handler that notes which type it checked and objects with that type's name. */
    private static <C extends Command> CommandHandler<C> recording(Class<C> type, List<Class<?>> checked) {
        return CommandHandler.of(type, (command, copy) -> {
            checked.add(command.getClass());
            return Objection.of(type.getSimpleName());
        }, (command, context) -> { });
    }
}
