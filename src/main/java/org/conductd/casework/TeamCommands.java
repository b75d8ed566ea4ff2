package org.conductd.casework;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.conductd.cases.CaseTeam;
import org.conductd.commands.Command;
import org.conductd.compose.CaseMail;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.Actor;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.EventKind;

/**
 * ASSIGN, CONFLICT and CONFLICT-CLEAR: who leads the case and who is left out of it. A member
 * declared conflicted by someone else is told at once, with nothing of the case (SPEC §3.3).
 */
@Singleton
final class TeamCommands {

    private final Settings settings;
    private final CaseRepository cases;
    private final CaseTeam team;
    private final CaseMail mail;

    TeamCommands(Settings settings, CaseRepository cases, CaseTeam team, CaseMail mail) {
        this.settings = settings;
        this.cases = cases;
        this.team = team;
        this.mail = mail;
    }

    List<CommandHandler<?>> handlers() {
        return List.of(
                CommandHandler.of(Command.Assign.class, this::checkAssign, this::assign),
                CommandHandler.of(Command.Conflict.class, this::checkConflict, this::conflict),
                CommandHandler.of(Command.ConflictClear.class, this::checkConflictClear, this::conflictClear));
    }

    private Optional<Objection> checkAssign(Command.Assign assign, WorkingCopy copy) {
        return copy.conflicted.contains(assign.memberAddress())
                ? Objection.of(nameOf(assign.memberAddress()) + " has a conflict in this case")
                : Optional.empty();
    }

    private void assign(Command.Assign assign, CommandContext context) {
        cases.setLead(context.caseRecord().id(), assign.memberAddress());
        context.lead(assign.memberAddress());
        context.record(EventKind.ASSIGNED, nameOf(context.lead()) + " leads the case");
        context.tell(nameOf(context.lead()) + " now leads the case.");
    }

    private Optional<Objection> checkConflict(Command.Conflict conflict, WorkingCopy copy) {
        copy.conflicted.add(conflict.memberAddress());
        return Optional.empty();
    }

    /** A lead who is declared conflicted stops leading: the case must not wait on someone left out of it. */
    private void conflict(Command.Conflict conflict, CommandContext context) {
        CaseRecord c = context.caseRecord();
        TeamMember sender = context.sender();
        String member = conflict.memberAddress();
        team.setConflict(c.id(), member, true, "declared by " + sender.name(), context.senderAddress());
        context.record(EventKind.CONFLICT, nameOf(member) + " has a conflict of interest");
        context.tell(nameOf(member) + " is left out of the case from now on.");
        if (!member.equals(context.senderAddress())) {
            context.declaredOthers(true);
            settings.member(EmailAddress.of(member)).ifPresent(declared ->
                    context.thenMail(() -> tellDeclaredConflicted(c, declared, sender, context.row())));
            context.tell(nameOf(member) + " is told, without anything of the case.");
        }
        if (member.equals(context.lead())) {
            cases.setLead(c.id(), null);
            context.lead(null);
            context.record(EventKind.ASSIGNED, "nobody leads the case: the lead has a conflict");
            context.tell("The case has no lead now: ASSIGN someone else.");
        }
    }

    private Optional<Objection> checkConflictClear(Command.ConflictClear clear, WorkingCopy copy) {
        // A conflicted sender is refused before this point, so clearing oneself is always a mistake.
        Optional<Objection> problem = copy.conflicted.contains(clear.memberAddress()) ? Optional.empty()
                : Objection.of(clear.memberAddress().equals(copy.sender.email().address())
                        ? "you have no conflict in this case"
                        : nameOf(clear.memberAddress()) + " has no conflict in this case");
        copy.conflicted.remove(clear.memberAddress());
        return problem;
    }

    private void conflictClear(Command.ConflictClear clear, CommandContext context) {
        team.setConflict(context.caseRecord().id(), clear.memberAddress(), false, null, null);
        context.record(EventKind.CONFLICT_CLEARED, nameOf(clear.memberAddress()) + " is back on the case");
        context.tell(nameOf(clear.memberAddress()) + " receives the case's mail again from now on.");
    }

    /**
     * Once every change is made: if the sender's declarations left nobody else on the case, the
     * members they declared conflicted and the organizers are alerted, so no one can silence the rest.
     */
    void checkSilenced(CommandContext context) {
        CaseRecord c = context.caseRecord();
        TeamMember sender = context.sender();
        if (context.declaredOthers() && team.reachable(c.id()).stream().allMatch(m -> m.equals(sender))) {
            context.record(Actor.CONDUCTD, EventKind.TEAM_SILENCED, "only " + sender.name() + " can see the case now");
            context.thenMail(() -> alertSilenced(c, sender, context.row()));
            context.tell("Nobody but you can see the case now: the members you declared conflicted"
                    + (settings.organizers().isEmpty() ? "" : " and the organizers") + " are told.");
        }
    }

    private void tellDeclaredConflicted(CaseRecord c, TeamMember declared, TeamMember sender, long row) {
        mail.contentFreeToMember(c, declared, new TemplateModel.ConflictDeclared(sender.name()), row);
    }

    /** The alert carries no content: the declared members may be the very people the case is about. */
    private void alertSilenced(CaseRecord c, TeamMember sender, long row) {
        for (TeamMember m : team.declaredBy(c.id(), sender)) {
            mail.contentFreeToMember(c, m, new TemplateModel.TeamSilenced(sender.name(), false), row);
        }
        for (EmailAddress organizer : settings.organizers()) {
            mail.toPerson(c, organizer, new TemplateModel.TeamSilenced(sender.name(), true), row);
        }
    }

    private String nameOf(String rosterAddress) {
        return settings.member(EmailAddress.of(rosterAddress)).map(TeamMember::name).orElse(rosterAddress);
    }
}
