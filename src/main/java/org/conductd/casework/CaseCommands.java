package org.conductd.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.conductd.access.Refusal;
import org.conductd.approval.Drafting;
import org.conductd.cases.CaseTeam;
import org.conductd.commands.Command;
import org.conductd.commands.CommandSpec;
import org.conductd.commands.Problem;
import org.conductd.commands.Recipient;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;

/**
 * Carries out a responder's parsed commands on a case (SPEC §3.4), in the caller's
 * transaction. {@link #check} walks the commands in order against a working copy of the
 * case, so that together with the parser's problems a reply is applied all or nothing.
 * {@link #apply} makes every change first, writing each to the event log with who, when and
 * from which message, and only then returns the mail the changes cause, so that a reply
 * declaring a conflict never sends that member anything, whatever the order of its lines.
 */
@Singleton
public final class CaseCommands {

    /**
     * What a reply did: the sender's transcript lines, the mail to send once every change is
     * made, and the transcript's line naming the commands dropped because the sender declared
     * their own conflict in the same reply, if any: all a now-conflicted sender may still be told.
     */
    public record Applied(List<String> transcript, List<Runnable> mail, Optional<String> droppedForOwnConflict) {
    }

    private final Settings settings;
    private final CaseRepository cases;
    private final CaseTeam team;
    private final EventRepository events;
    private final Drafting drafting;
    private final TeamCommands teamCommands;
    private final AnswerCommands answers;
    private final CommandHandlers handlers;
    private final Clock clock;

    public CaseCommands(Settings settings, CaseRepository cases, CaseTeam team, EventRepository events,
                        Drafting drafting, RecordCommands records, StateCommands states, TeamCommands teamCommands,
                        PeopleCommands people, DraftingCommands drafts, DecisionCommands decisions,
                        AnswerCommands answers, Clock clock) {
        this.settings = settings;
        this.cases = cases;
        this.team = team;
        this.events = events;
        this.drafting = drafting;
        this.teamCommands = teamCommands;
        this.answers = answers;
        this.handlers = new CommandHandlers(Stream.of(records.handlers(), states.handlers(), teamCommands.handlers(),
                people.handlers(), drafts.handlers(), decisions.handlers(), answers.handlers())
                .flatMap(List::stream).toList());
        this.clock = clock;
    }

    /** What the case's state forbids among these commands, taken in order as they would apply. */
    public List<Problem> check(CaseRecord c, TeamMember sender, List<Command> commands, List<String> referencedIds) {
        List<Problem> problems = new ArrayList<>();
        WorkingCopy copy = new WorkingCopy(c, sender, referencedIds, team.conflicted(c.id()),
                drafting.addressee(c.id(), Recipient.REPORTER).isPresent(),
                drafting.addressee(c.id(), Recipient.REPORTED).isPresent(),
                commands.stream().anyMatch(DraftingCommands::drafts));
        boolean selfConflict = declaresOwnConflict(sender, commands);
        for (Command command : commands) {
            CommandSpec spec = CommandSpec.of(command);
            if (selfConflict && spec.belongsToTwoPersonRule()) {
                continue; // dropped when the reply applies: the sender's conflict comes first
            }
            Optional<Objection> objection = spec.belongsToTwoPersonRule()
                    ? twoPersonRuleObjection(copy).or(() -> handlers.check(command, copy))
                    : handlers.check(command, copy);
            objection.ifPresent(o -> problems.add(new Problem(0, spec.keyword(), o.reason(), o.choices())));
        }
        return problems;
    }

    /** Why no drafting, approving, rejecting or overriding command can apply to the case, if none can. */
    private Optional<Objection> twoPersonRuleObjection(WorkingCopy copy) {
        if (copy.conflicted.contains(copy.sender.email().address())) {
            return Objection.of(Refusal.CONFLICTED.reason(settings));
        }
        if (copy.state == CaseState.CLOSED) {
            return Objection.of("the case is closed; REOPEN it first");
        }
        return Optional.empty();
    }

    /** Whether the reply declares its own sender conflicted ({@code CONFLICT: me}). */
    private static boolean declaresOwnConflict(TeamMember sender, List<Command> commands) {
        return commands.stream().anyMatch(command -> command instanceof Command.Conflict conflict
                && conflict.memberAddress().equals(sender.email().address()));
    }

    /**
     * Makes every change; the mail they cause is returned, to be sent after all of them. A
     * sender who declares their own conflict in the reply has it apply first: the reply's
     * drafts, approvals, rejections and SEND-NOWs are dropped, and the transcript says so.
     */
    public Applied apply(CaseRecord c, TeamMember sender, List<Command> commands, List<String> referencedIds, long row) {
        CommandContext context = new CommandContext(c, sender, referencedIds, row, events, clock);
        List<Command> dropped = declaresOwnConflict(sender, commands) ? commands.stream()
                .filter(command -> CommandSpec.of(command).belongsToTwoPersonRule()).toList() : List.of();
        Optional<String> droppedLine = dropped.isEmpty() ? Optional.empty() : Optional.of(tellDropped(dropped, context));
        for (Command command : commands) {
            if (!dropped.contains(command)) {
                handlers.apply(command, context);
            }
        }
        teamCommands.checkSilenced(context);
        cases.touch(c.id(), clock.instant());
        return new Applied(context.transcript(), context.mail(), droppedLine);
    }

    /** Records and tells that the two-person rule's commands were dropped; returns the line told. */
    private static String tellDropped(List<Command> dropped, CommandContext context) {
        String keywords = dropped.stream().map(command -> CommandSpec.of(command).keyword())
                .collect(Collectors.joining(", "));
        String line = "Not applied, because you declared a conflict of interest in this same reply and can no"
                + " longer draft, approve, reject or send anything in this case: " + keywords + ".";
        context.tell(line);
        context.record(EventKind.DROPPED, "declared their own conflict; dropped " + keywords);
        return line;
    }

    /** STATUS: the case record, only ever to the member's roster address, never to a conflicted member. */
    public void sendStatus(CaseRecord c, TeamMember member, long row) {
        answers.sendStatus(c, member, row);
    }

    /** HELP: the command reference, generated from the parser's own table. */
    public void sendHelp(CaseRecord c, TeamMember member, long row) {
        answers.sendHelp(c, member, row);
    }
}
