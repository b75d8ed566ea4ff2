package org.conductd.casework;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.conductd.approval.Drafts;
import org.conductd.commands.Command;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.EventKind;

/** CLOSE and REOPEN: a case closes only when open, reopens only when closed, and closing withdraws its pending drafts. */
@Singleton
final class StateCommands {

    private final CaseRepository cases;
    private final Drafts drafts;

    StateCommands(CaseRepository cases, Drafts drafts) {
        this.cases = cases;
        this.drafts = drafts;
    }

    List<CommandHandler<?>> handlers() {
        return List.of(
                CommandHandler.of(Command.Close.class, this::checkClose, this::close),
                CommandHandler.of(Command.Reopen.class, this::checkReopen, this::reopen));
    }

    private Optional<Objection> checkClose(Command.Close close, WorkingCopy copy) {
        Optional<Objection> problem = copy.state == CaseState.CLOSED ? Objection.of("the case is already closed")
                : Optional.empty();
        copy.state = CaseState.CLOSED;
        return problem;
    }

    private void close(Command.Close close, CommandContext context) {
        CaseRecord c = context.caseRecord();
        cases.setState(c.id(), CaseState.CLOSED, context.now());
        context.record(EventKind.CLOSED, c.state() == CaseState.RESOLVED ? "closed" : "closed without a resolution");
        List<String> withdrawn = drafts.withdrawPending(c.id(), context.senderAddress());
        if (!withdrawn.isEmpty()) {
            context.record(EventKind.WITHDRAWN, String.join(", ", withdrawn) + ": the case was closed");
        }
        context.tell("The case is closed." + (withdrawn.isEmpty() ? ""
                : " Pending drafts were withdrawn: " + String.join(", ", withdrawn) + "."));
    }

    private Optional<Objection> checkReopen(Command.Reopen reopen, WorkingCopy copy) {
        Optional<Objection> problem = copy.state == CaseState.OPEN ? Objection.of("the case is open") : Optional.empty();
        copy.state = CaseState.OPEN;
        return problem;
    }

    private void reopen(Command.Reopen reopen, CommandContext context) {
        cases.setState(context.caseRecord().id(), CaseState.OPEN, null);
        context.record(EventKind.REOPENED, reopen.reason());
        context.tell("The case is open again.");
    }
}
