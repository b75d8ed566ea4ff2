package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.casework.CaseCommands;

/**
 * Applies every command of the reply, writing each change to the event log. The mail the
 * changes cause waits for {@link SendCommandMail}: a CONFLICT in this reply already keeps
 * its member out of it, whatever the order of the reply's lines.
 */
@Singleton
final class ApplyCommands implements Step<ResponderReply> {

    private final CaseCommands commands;

    ApplyCommands(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public Outcome handle(ResponderReply r) {
        r.applied(commands.apply(r.caseRecord(), r.sender(), r.commands().commands(), r.message().referencedIds(),
                r.row()));
        return Outcome.GO_ON;
    }
}
