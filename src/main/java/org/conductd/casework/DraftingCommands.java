package org.conductd.casework;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.conductd.approval.Drafting;
import org.conductd.cases.CaseTeam;
import org.conductd.commands.Command;
import org.conductd.commands.Recipient;
import org.conductd.compose.CaseText;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.Draft;
import org.conductd.store.EventKind;

/**
 * REPLY, RESOLVE and DSF-REPORT: each drafts mail that is sent only once enough other members
 * approve it. The caller has already checked the two-person rule's conditions common to all
 * of them (the sender is not conflicted, the case is not closed).
 */
@Singleton
final class DraftingCommands {

    private final Settings settings;
    private final CaseRepository cases;
    private final CaseTeam team;
    private final Drafting drafting;

    DraftingCommands(Settings settings, CaseRepository cases, CaseTeam team, Drafting drafting) {
        this.settings = settings;
        this.cases = cases;
        this.team = team;
        this.drafting = drafting;
    }

    List<CommandHandler<?>> handlers() {
        return List.of(
                CommandHandler.of(Command.Reply.class, this::checkReply, this::reply),
                CommandHandler.of(Command.Resolve.class, (resolve, copy) -> Optional.empty(), this::resolve),
                CommandHandler.of(Command.DsfReport.class, this::checkDsfReport, this::dsfReport));
    }

    /** Whether a command drafts: a reply that does cannot also decide on a draft. */
    static boolean drafts(Command command) {
        return command instanceof Command.Reply || command instanceof Command.Resolve
                || command instanceof Command.DsfReport;
    }

    private Optional<Objection> checkReply(Command.Reply reply, WorkingCopy copy) {
        boolean recorded = reply.to() == Recipient.REPORTER ? copy.reporterAddress : copy.reportedAddress;
        return recorded ? Optional.empty() : Objection.of(reply.to() == Recipient.REPORTER
                ? "no address is recorded for the reporter; record one with REPORTER: Name <address>"
                : "no address is recorded for the reported person; record one with REPORTED: Name <address>");
    }

    private void reply(Command.Reply reply, CommandContext context) {
        drafted(context, drafting.draftReply(fresh(context), context.sender(), reply.to(), reply.body(), context.row()));
    }

    private void resolve(Command.Resolve resolve, CommandContext context) {
        drafted(context, drafting.draftResolution(fresh(context), context.sender(), resolve.resolution(),
                resolve.explanation(), context.row()));
    }

    private Optional<Objection> checkDsfReport(Command.DsfReport report, WorkingCopy copy) {
        return copy.c.dsfReportedAt() == null ? Optional.empty()
                : Objection.of("this incident was reported to the DSF on " + CaseText.when(copy.c.dsfReportedAt())
                        + "; one report per incident");
    }

    private void dsfReport(Command.DsfReport report, CommandContext context) {
        drafted(context, drafting.draftDsfReport(fresh(context), context.sender(), report.narrative(), context.row()));
    }

    /** The case as this reply has changed it so far: a draft shows the WHEN or WHERE set a line above. */
    private CaseRecord fresh(CommandContext context) {
        return cases.findById(context.caseRecord().id()).orElse(context.caseRecord());
    }

    /** Too few members left to approve is said at once, with the override, so an urgent draft does not wait unseen. */
    private void drafted(CommandContext context, Draft draft) {
        CaseRecord c = context.caseRecord();
        TeamMember author = context.sender();
        long row = context.row();
        context.record(EventKind.DRAFTED, draft.label() + ": " + draft.kind().description());
        context.thenMail(() -> drafting.requestApprovals(c, draft, author, row));
        context.tell("Drafted " + draft.label() + " (" + draft.kind().description() + "); it is sent once "
                + settings.approvalsRequired() + " other member(s) approve it.");
        long approvers = team.reachable(c.id()).stream().filter(m -> !m.equals(author)).count();
        if (approvers < settings.approvalsRequired()) {
            context.tell("Only " + approvers + " other member(s) can approve it now (the rest have a conflict). "
                    + "If it cannot wait, SEND-NOW: " + draft.label() + " and the reason sends it and tells everyone.");
        }
    }
}
