package org.conductd.casework;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.conductd.approval.Drafting;
import org.conductd.approval.Drafts;
import org.conductd.cases.CaseTeam;
import org.conductd.commands.Command;
import org.conductd.commands.CommandSpec;
import org.conductd.store.CaseRecord;
import org.conductd.store.Draft;
import org.conductd.store.EventKind;

/**
 * APPROVE, REJECT and SEND-NOW: decisions on a pending draft, named by its label or by the
 * approval request the reply answers. Each draft is decided on at most once per reply, and a
 * REJECT or SEND-NOW needs a reason. The caller has already checked the two-person rule's
 * conditions common to every drafting and deciding command.
 */
@Singleton
final class DecisionCommands {

    private final CaseTeam team;
    private final Drafting drafting;
    private final Drafts drafts;

    DecisionCommands(CaseTeam team, Drafting drafting, Drafts drafts) {
        this.team = team;
        this.drafting = drafting;
        this.drafts = drafts;
    }

    List<CommandHandler<?>> handlers() {
        return List.of(
                CommandHandler.of(Command.Approve.class, this::check, this::approve),
                CommandHandler.of(Command.Reject.class, this::check, this::reject),
                CommandHandler.of(Command.SendNow.class, this::check, this::sendNow));
    }

    private Optional<Objection> check(Command command, WorkingCopy copy) {
        if (copy.replyDrafts) {
            // A draft made in the same reply could replace the one being decided on.
            return Objection.of("approve, reject or send drafts in a reply of their own, not in one that drafts");
        }
        Optional<Draft> draft = identify(copy.c, command, copy.referencedIds);
        if (draft.isEmpty()) {
            String label = labelOf(command);
            if (label != null) {
                return Objection.of("there is no draft " + label + " in this case");
            }
            // The pending drafts are the choices: the sender named none of them.
            return Optional.of(new Objection("name the draft: reply to its approval request, or write "
                    + CommandSpec.of(command).keyword() + ": D<n>" + (command instanceof Command.Approve ? "" : " and the reason"),
                    drafts.pendingLabels(copy.c.id())));
        }
        if (!copy.decided.add(draft.get().id())) {
            return Objection.of(draft.get().label() + " is already decided on a line above");
        }
        if ((command instanceof Command.Reject || command instanceof Command.SendNow) && reasonOf(command).isBlank()) {
            return Objection.of("give a reason after " + draft.get().label());
        }
        return (command instanceof Command.Approve
                ? drafts.whyNotApprovable(draft.get(), copy.sender.email().address(), copy.referencedIds)
                : drafts.whyClosed(draft.get())).map(Objection::new);
    }

    /** The last approval needed sends the draft at once. */
    private void approve(Command.Approve approve, CommandContext context) {
        CaseRecord c = context.caseRecord();
        long row = context.row();
        Draft draft = identify(c, approve, context.referencedIds()).orElseThrow();
        Drafts.Approved approved = drafts.approve(draft, context.senderAddress(), row, team.conflicted(c.id()));
        context.record(EventKind.APPROVED, draft.label());
        if (approved.complete()) {
            int sent = drafting.send(c, draft, context.senderAddress(), null, row);
            context.thenMail(() -> drafting.tellSent(c, draft, row));
            context.tell("Approved " + draft.label() + "; " + (sent == 0
                    ? "nothing was mailed (no address is recorded), and it is recorded." : "it is sent."));
        } else {
            context.tell("Approved " + draft.label() + "; " + (approved.needed() - approved.approvals())
                    + " more approval(s) needed.");
        }
    }

    private void reject(Command.Reject reject, CommandContext context) {
        CaseRecord c = context.caseRecord();
        Draft draft = identify(c, reject, context.referencedIds()).orElseThrow();
        String reason = reasonOf(reject);
        drafts.reject(draft, context.senderAddress(), reason);
        context.record(EventKind.REJECTED, draft.label() + ": " + reason);
        context.thenMail(() -> drafting.tellRejected(c, draft, context.sender(), reason, context.row()));
        context.tell("Rejected " + draft.label() + "; its author is told.");
    }

    private void sendNow(Command.SendNow sendNow, CommandContext context) {
        CaseRecord c = context.caseRecord();
        Draft draft = identify(c, sendNow, context.referencedIds()).orElseThrow();
        String reason = reasonOf(sendNow);
        drafting.send(c, draft, context.senderAddress(), "SEND-NOW: " + reason, context.row());
        context.record(EventKind.SEND_NOW, draft.label() + ": " + reason);
        context.thenMail(() -> drafting.alertSendNow(c, draft, context.sender(), reason, context.row()));
        context.tell("Sent " + draft.label() + " without a second member; the team and the organizers"
                + " are told.");
    }

    /** The draft an APPROVE, REJECT or SEND-NOW means: the label it gives, or the request it answers. */
    private Optional<Draft> identify(CaseRecord c, Command command, List<String> referencedIds) {
        return drafts.identify(c.id(), labelOf(command), referencedIds);
    }

    private static String labelOf(Command command) {
        if (command instanceof Command.Approve approve) {
            return approve.draftId();
        }
        return Drafts.leadingLabel(reasonOrEmpty(command)).label();
    }

    private static String reasonOf(Command command) {
        return Drafts.leadingLabel(reasonOrEmpty(command)).text();
    }

    private static String reasonOrEmpty(Command command) {
        if (command instanceof Command.Reject reject) {
            return reject.reason();
        }
        return command instanceof Command.SendNow sendNow ? sendNow.reason() : "";
    }
}
