package org.conductd.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.conductd.approval.Drafts;
import org.conductd.commands.Command;
import org.conductd.commands.CommandSpec;
import org.conductd.commands.CommandTable;
import org.conductd.commands.Problem;
import org.conductd.commands.Recipient;
import org.conductd.commands.Severity;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.outbound.TemplateId;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.EventKind;
import org.conductd.store.Draft;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.EventRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;

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

    /** What a reply did: the sender's transcript lines, and the mail to send once every change is made. */
    public record Applied(List<String> transcript, List<Runnable> mail) {
    }

    private final Settings settings;
    private final CaseRepository cases;
    private final CaseTeam team;
    private final ParticipantRepository participants;
    private final EventRepository events;
    private final PatternCheck patterns;
    private final CaseStatusText status;
    private final CaseMail mail;
    private final Drafting drafting;
    private final Drafts drafts;
    private final Clock clock;

    public CaseCommands(Settings settings, CaseRepository cases, CaseTeam team, ParticipantRepository participants,
                        EventRepository events, PatternCheck patterns, CaseStatusText status, CaseMail mail,
                        Drafting drafting, Drafts drafts, Clock clock) {
        this.drafting = drafting;
        this.drafts = drafts;
        this.settings = settings;
        this.cases = cases;
        this.team = team;
        this.participants = participants;
        this.events = events;
        this.patterns = patterns;
        this.status = status;
        this.mail = mail;
        this.clock = clock;
    }

    /** What the case's state forbids among these commands, taken in order as they would apply. */
    public List<Problem> check(CaseRecord c, TeamMember sender, List<Command> commands, List<String> referencedIds) {
        List<Problem> problems = new ArrayList<>();
        Simulated case_ = new Simulated(c, team.conflicted(c.id()),
                drafting.addressee(c.id(), Recipient.REPORTER).isPresent(),
                drafting.addressee(c.id(), Recipient.REPORTED).isPresent(),
                commands.stream().anyMatch(CaseCommands::drafts));
        boolean selfConflict = declaresOwnConflict(sender, commands);
        for (Command command : commands) {
            String keyword = CommandSpec.of(command).keyword();
            if (selfConflict && CommandSpec.of(command).belongsToTwoPersonRule()) {
                continue; // dropped when the reply applies: the sender's conflict comes first
            }
            Optional<Objection> objection = CommandSpec.of(command).belongsToTwoPersonRule()
                    ? checkTwoPersonRule(case_, sender, command, referencedIds)
                    : checkOther(case_, sender, command).map(Objection::new);
            objection.ifPresent(o -> problems.add(new Problem(0, keyword, o.reason(), o.choices())));
        }
        return problems;
    }

    /** How a transcript line naming commands dropped for the sender's own conflict begins. */
    static final String NOT_APPLIED = "Not applied";

    /** The case as the reply's commands, taken in order, would leave it. */
    private static final class Simulated {
        final CaseRecord c;
        final Set<String> conflicted;
        CaseState state;
        boolean reporterAddress;
        boolean reportedAddress;
        final boolean replyDrafts;
        final Set<Long> decided = new HashSet<>();

        Simulated(CaseRecord c, Set<String> conflicted, boolean reporterAddress, boolean reportedAddress,
                  boolean replyDrafts) {
            this.c = c;
            this.conflicted = new HashSet<>(conflicted);
            this.state = c.state();
            this.reporterAddress = reporterAddress;
            this.reportedAddress = reportedAddress;
            this.replyDrafts = replyDrafts;
        }
    }

    private static boolean drafts(Command command) {
        return command instanceof Command.Reply || command instanceof Command.Resolve
                || command instanceof Command.DsfReport;
    }

    private Optional<String> checkOther(Simulated s, TeamMember sender, Command command) {
        if (command instanceof Command.Close) {
            Optional<String> problem = s.state == CaseState.CLOSED ? Optional.of("the case is already closed")
                    : Optional.empty();
            s.state = CaseState.CLOSED;
            return problem;
        }
        if (command instanceof Command.Reopen) {
            Optional<String> problem = s.state == CaseState.OPEN ? Optional.of("the case is open") : Optional.empty();
            s.state = CaseState.OPEN;
            return problem;
        }
        if (command instanceof Command.Conflict conflict) {
            s.conflicted.add(conflict.memberAddress());
            return Optional.empty();
        }
        if (command instanceof Command.ConflictClear clear) {
            // A conflicted sender is refused before this point, so clearing oneself is always a mistake.
            Optional<String> problem = s.conflicted.contains(clear.memberAddress()) ? Optional.empty()
                    : Optional.of(clear.memberAddress().equals(sender.email().address())
                            ? "you have no conflict in this case"
                            : nameOf(clear.memberAddress()) + " has no conflict in this case");
            s.conflicted.remove(clear.memberAddress());
            return problem;
        }
        if (command instanceof Command.Assign assign && s.conflicted.contains(assign.memberAddress())) {
            return Optional.of(nameOf(assign.memberAddress()) + " has a conflict in this case");
        }
        if (command instanceof Command.SetReporter reporter && reporter.address() != null) {
            s.reporterAddress = true;
        }
        if (command instanceof Command.SetReported reported && reported.address() != null) {
            s.reportedAddress = true;
        }
        return Optional.empty();
    }

    /** Why a drafting, approving, rejecting or overriding command cannot apply, if it cannot. */
    private Optional<Objection> checkTwoPersonRule(Simulated s, TeamMember sender, Command command,
                                                List<String> referencedIds) {
        String member = sender.email().address();
        if (s.conflicted.contains(member)) {
            return objection(Refusal.CONFLICTED.reason(settings));
        }
        if (s.state == CaseState.CLOSED) {
            return objection("the case is closed; REOPEN it first");
        }
        if (command instanceof Command.Reply reply) {
            boolean recorded = reply.to() == Recipient.REPORTER ? s.reporterAddress : s.reportedAddress;
            return recorded ? Optional.empty() : objection(reply.to() == Recipient.REPORTER
                    ? "no address is recorded for the reporter; record one with REPORTER: Name <address>"
                    : "no address is recorded for the reported person; record one with REPORTED: Name <address>");
        }
        if (command instanceof Command.Resolve) {
            return Optional.empty();
        }
        if (command instanceof Command.DsfReport) {
            return s.c.dsfReportedAt() == null ? Optional.empty()
                    : objection("this incident was reported to the DSF on " + CaseText.when(s.c.dsfReportedAt())
                            + "; one report per incident");
        }
        if (s.replyDrafts) {
            // A draft made in the same reply could replace the one being decided on.
            return objection("approve, reject or send drafts in a reply of their own, not in one that drafts");
        }
        Optional<Draft> draft = identify(s.c, command, referencedIds);
        if (draft.isEmpty()) {
            String label = labelOf(command);
            if (label != null) {
                return objection("there is no draft " + label + " in this case");
            }
            // The pending drafts are the choices: the sender named none of them.
            return Optional.of(new Objection("name the draft: reply to its approval request, or write "
                    + CommandSpec.of(command).keyword() + ": D<n>" + (command instanceof Command.Approve ? "" : " and the reason"),
                    drafts.pendingLabels(s.c.id())));
        }
        if (!s.decided.add(draft.get().id())) {
            return objection(draft.get().label() + " is already decided on a line above");
        }
        if ((command instanceof Command.Reject || command instanceof Command.SendNow) && reasonOf(command).isBlank()) {
            return objection("give a reason after " + draft.get().label());
        }
        return (command instanceof Command.Approve
                ? drafts.whyNotApprovable(draft.get(), member, referencedIds)
                : drafts.whyClosed(draft.get())).map(Objection::new);
    }

    /** Why a command cannot apply, and the valid choices to name in the error mail. */
    private record Objection(String reason, List<String> choices) {
        Objection(String reason) {
            this(reason, List.of());
        }
    }

    private static Optional<Objection> objection(String reason) {
        return Optional.of(new Objection(reason));
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
        List<String> transcript = new ArrayList<>();
        List<Runnable> followingMail = new ArrayList<>();
        String lead = c.lead();
        boolean urgent = "urgent".equals(c.severity());
        if (declaresOwnConflict(sender, commands)) {
            List<Command> dropped = commands.stream().filter(command -> CommandSpec.of(command).belongsToTwoPersonRule())
                    .toList();
            if (!dropped.isEmpty()) {
                String keywords = dropped.stream().map(command -> CommandSpec.of(command).keyword())
                        .collect(Collectors.joining(", "));
                transcript.add(NOT_APPLIED + ", because you declared a conflict of interest in this same reply and can no"
                        + " longer draft, approve, reject or send anything in this case: " + keywords + ".");
                record(c, Actor.member(sender.email()), EventKind.DROPPED, "declared their own conflict; dropped " + keywords, row);
                commands = commands.stream().filter(command -> !dropped.contains(command)).toList();
            }
        }
        boolean declaredOthers = false;
        for (Command command : commands) {
            String actor = sender.email().address();
            Actor by = Actor.member(sender.email());
            if (command instanceof Command.Note note) {
                record(c, by, EventKind.NOTE, note.text(), row);
                transcript.add("Note added to the record.");
            } else if (command instanceof Command.SetSeverity severity) {
                String level = severity.severity().label();
                cases.setSeverity(c.id(), level);
                record(c, by, EventKind.SEVERITY, level, row);
                if (severity.severity() == Severity.URGENT && !urgent) {
                    followingMail.add(() -> alertUrgent(c, sender, row));
                    transcript.add("Severity set to urgent; the team and the organizers are alerted.");
                } else {
                    transcript.add("Severity set to " + level + ".");
                }
                urgent = severity.severity() == Severity.URGENT;
            } else if (command instanceof Command.Assign assign) {
                cases.setLead(c.id(), assign.memberAddress());
                lead = assign.memberAddress();
                record(c, by, EventKind.ASSIGNED, nameOf(lead) + " leads the case", row);
                transcript.add(nameOf(lead) + " now leads the case.");
            } else if (command instanceof Command.Conflict conflict) {
                String member = conflict.memberAddress();
                team.setConflict(c.id(), member, true, "declared by " + sender.name(), actor);
                record(c, by, EventKind.CONFLICT, nameOf(member) + " has a conflict of interest", row);
                transcript.add(nameOf(member) + " is left out of the case from now on.");
                if (!member.equals(actor)) {
                    declaredOthers = true;
                    settings.member(EmailAddress.of(member))
                            .ifPresent(declared -> followingMail.add(() -> tellDeclaredConflicted(c, declared, sender, row)));
                    transcript.add(nameOf(member) + " is told, without anything of the case.");
                }
                if (member.equals(lead)) {
                    cases.setLead(c.id(), null);
                    lead = null;
                    record(c, by, EventKind.ASSIGNED, "nobody leads the case: the lead has a conflict", row);
                    transcript.add("The case has no lead now: ASSIGN someone else.");
                }
            } else if (command instanceof Command.ConflictClear clear) {
                team.setConflict(c.id(), clear.memberAddress(), false, null, null);
                record(c, by, EventKind.CONFLICT_CLEARED, nameOf(clear.memberAddress()) + " is back on the case", row);
                transcript.add(nameOf(clear.memberAddress()) + " receives the case's mail again from now on.");
            } else if (command instanceof Command.SetReporter reporter) {
                addPerson(c.id(), ParticipantRole.REPORTER, reporter.name(), reporter.address());
                record(c, by, EventKind.REPORTER, person(reporter.name(), reporter.address()), row);
                transcript.add("Reporter recorded: " + person(reporter.name(), reporter.address()) + ".");
            } else if (command instanceof Command.SetReported reported) {
                setReported(c.id(), reported.name(), reported.address());
                record(c, by, EventKind.REPORTED, person(reported.name(), reported.address()), row);
                reportedMember(reported).ifPresent(member -> {
                    team.setConflict(c.id(), member.email().address(), true, "recorded as the reported person", null);
                    record(c, by, EventKind.CONFLICT, member.name() + " is the reported person", row);
                    transcript.add(member.name() + " is on the team and is left out of the case from now on.");
                });
                List<CaseRecord> earlier = patterns.earlierCases(c.id(), reported.name(), reported.address());
                transcript.add("Reported person recorded: " + person(reported.name(), reported.address()) + "."
                        + (earlier.isEmpty() ? "" : " " + earlier.size() + " earlier case(s) name the same person;"
                        + " the team is told."));
                if (!earlier.isEmpty()) {
                    record(c, Actor.CONDUCTD, EventKind.PATTERN, "earlier cases: "
                            + earlier.stream().map(e -> "#" + e.id()).collect(Collectors.joining(", ")), row);
                    followingMail.add(() -> notifyPattern(c, earlier, row));
                }
            } else if (command instanceof Command.SetWhen when) {
                cases.setIncidentWhen(c.id(), when.text());
                record(c, by, EventKind.WHEN, when.text(), row);
                transcript.add("When: " + when.text());
            } else if (command instanceof Command.SetWhere where) {
                cases.setIncidentWhere(c.id(), where.text());
                record(c, by, EventKind.WHERE, where.text(), row);
                transcript.add("Where: " + where.text());
            } else if (command instanceof Command.SetSummary summary) {
                cases.setSummary(c.id(), summary.text());
                record(c, by, EventKind.SUMMARY, summary.text(), row);
                transcript.add("Summary: " + summary.text());
            } else if (command instanceof Command.SetPublicSummary summary) {
                cases.setPublicSummary(c.id(), summary.text());
                record(c, by, EventKind.PUBLIC_SUMMARY, summary.text(), row);
                transcript.add("Public summary: " + summary.text());
            } else if (command instanceof Command.Close) {
                cases.setState(c.id(), CaseState.CLOSED.name(), now());
                record(c, by, EventKind.CLOSED, c.state() == CaseState.RESOLVED ? "closed" : "closed without a resolution", row);
                List<String> withdrawn = drafts.withdrawPending(c.id(), actor);
                if (!withdrawn.isEmpty()) {
                    record(c, by, EventKind.WITHDRAWN, String.join(", ", withdrawn) + ": the case was closed", row);
                }
                transcript.add("The case is closed." + (withdrawn.isEmpty() ? ""
                        : " Pending drafts were withdrawn: " + String.join(", ", withdrawn) + "."));
            } else if (command instanceof Command.Reopen reopen) {
                cases.setState(c.id(), CaseState.OPEN.name(), null);
                record(c, by, EventKind.REOPENED, reopen.reason(), row);
                transcript.add("The case is open again.");
            } else if (command instanceof Command.Status) {
                followingMail.add(() -> sendStatus(c, sender, row));
            } else if (command instanceof Command.Help) {
                followingMail.add(() -> sendHelp(c, sender, row));
            } else if (command instanceof Command.Reply reply) {
                Draft draft = drafting.draftReply(fresh(c), sender, reply.to(), reply.body(), row);
                drafted(c, sender, draft, transcript, followingMail, row);
            } else if (command instanceof Command.Resolve resolve) {
                Draft draft = drafting.draftResolution(fresh(c), sender, resolve.resolution(), resolve.explanation(), row);
                drafted(c, sender, draft, transcript, followingMail, row);
            } else if (command instanceof Command.DsfReport report) {
                Draft draft = drafting.draftDsfReport(fresh(c), sender, report.narrative(), row);
                drafted(c, sender, draft, transcript, followingMail, row);
            } else if (command instanceof Command.Approve) {
                Draft draft = identify(c, command, referencedIds).orElseThrow();
                Drafts.Approved approved = drafts.approve(draft, actor, row, team.conflicted(c.id()));
                record(c, by, EventKind.APPROVED, draft.label(), row);
                if (approved.complete()) {
                    int sent = drafting.send(c, draft, actor, null, row);
                    followingMail.add(() -> drafting.tellSent(c, draft, row));
                    transcript.add("Approved " + draft.label() + "; " + (sent == 0
                            ? "nothing was mailed (no address is recorded), and it is recorded." : "it is sent."));
                } else {
                    transcript.add("Approved " + draft.label() + "; " + (approved.needed() - approved.approvals())
                            + " more approval(s) needed.");
                }
            } else if (command instanceof Command.Reject) {
                Draft draft = identify(c, command, referencedIds).orElseThrow();
                String reason = reasonOf(command);
                drafts.reject(draft, actor, reason);
                record(c, by, EventKind.REJECTED, draft.label() + ": " + reason, row);
                followingMail.add(() -> drafting.tellRejected(c, draft, sender, reason, row));
                transcript.add("Rejected " + draft.label() + "; its author is told.");
            } else if (command instanceof Command.SendNow) {
                Draft draft = identify(c, command, referencedIds).orElseThrow();
                String reason = reasonOf(command);
                drafting.send(c, draft, actor, "SEND-NOW: " + reason, row);
                record(c, by, EventKind.SEND_NOW, draft.label() + ": " + reason, row);
                followingMail.add(() -> drafting.alertSendNow(c, draft, sender, reason, row));
                transcript.add("Sent " + draft.label() + " without a second member; the team and the organizers"
                        + " are told.");
            } else {
                throw new IllegalStateException("not checked: " + command);
            }
        }
        if (declaredOthers && team.reachable(c.id()).stream().allMatch(m -> m.equals(sender))) {
            record(c, Actor.CONDUCTD, EventKind.TEAM_SILENCED, "only " + sender.name() + " can see the case now", row);
            followingMail.add(() -> alertSilenced(c, sender, row));
            transcript.add("Nobody but you can see the case now: the members you declared conflicted"
                    + (settings.organizers().isEmpty() ? "" : " and the organizers") + " are told.");
        }
        cases.touch(c.id(), now());
        return new Applied(transcript, followingMail);
    }

    /** The case as this reply has changed it so far: a draft shows the WHEN or WHERE set a line above. */
    private CaseRecord fresh(CaseRecord c) {
        return cases.findById(c.id()).orElse(c);
    }

    private void drafted(CaseRecord c, TeamMember author, Draft draft, List<String> transcript,
                         List<Runnable> followingMail, long row) {
        record(c, Actor.member(author.email()), EventKind.DRAFTED, draft.label() + ": " + draft.kind().description(), row);
        followingMail.add(() -> drafting.requestApprovals(c, draft, author, row));
        transcript.add("Drafted " + draft.label() + " (" + draft.kind().description() + "); it is sent once "
                + settings.approvalsRequired() + " other member(s) approve it.");
        long approvers = team.reachable(c.id()).stream().filter(m -> !m.equals(author)).count();
        if (approvers < settings.approvalsRequired()) {
            transcript.add("Only " + approvers + " other member(s) can approve it now (the rest have a conflict). "
                    + "If it cannot wait, SEND-NOW: " + draft.label() + " and the reason sends it and tells everyone.");
        }
    }

    /** STATUS: the case record, only ever to the member's roster address, never to a conflicted member. */
    public void sendStatus(CaseRecord c, TeamMember member, long row) {
        if (team.isConflicted(c.id(), member)) {
            return;
        }
        CaseRecord fresh = cases.findById(c.id()).orElse(c);
        mail.toMember(fresh, member, TemplateId.STATUS, Map.of("record", status.render(fresh)), row);
    }

    /** HELP: the command reference, generated from the parser's own table. */
    public void sendHelp(CaseRecord c, TeamMember member, long row) {
        mail.toMember(c, member, TemplateId.HELP,
                Map.of("help", CommandTable.helpText(settings.resolutions())), row);
    }

    /** A member another member declared conflicted hears of it at once, with nothing of the case (SPEC §3.3). */
    private void tellDeclaredConflicted(CaseRecord c, TeamMember declared, TeamMember sender, long row) {
        mail.contentFreeToMember(c, declared, TemplateId.CONFLICT_DECLARED, Map.of("actorName", sender.name()), row);
    }

    /**
     * One member's declarations left nobody else on the case: the members they declared
     * conflicted and the organizers are alerted, without content, so no one can silence the rest.
     */
    private void alertSilenced(CaseRecord c, TeamMember sender, long row) {
        for (TeamMember m : team.declaredBy(c.id(), sender)) {
            mail.contentFreeToMember(c, m, TemplateId.TEAM_SILENCED,
                    Map.of("actorName", sender.name(), "forOrganizer", false), row);
        }
        for (EmailAddress organizer : settings.organizers()) {
            mail.toPerson(c, organizer, TemplateId.TEAM_SILENCED,
                    Map.of("actorName", sender.name(), "forOrganizer", true), row);
        }
    }

    /** The team (but the sender) and the organizers, who get only the case number and code name. */
    private void alertUrgent(CaseRecord c, TeamMember sender, long row) {
        for (TeamMember m : team.reachable(c.id())) {
            if (!m.equals(sender)) {
                mail.toMember(c, m, TemplateId.URGENT_ALERT, Map.of("actorName", sender.name(), "forTeam", true), row);
            }
        }
        Map<String, Object> forOrganizers = Map.of("actorName", sender.name(), "forTeam", false);
        for (EmailAddress organizer : settings.organizers()) {
            mail.toPerson(c, organizer, TemplateId.URGENT_ALERT, forOrganizers, row);
        }
    }

    /** Each member hears only of the earlier cases they are not conflicted in. */
    private void notifyPattern(CaseRecord c, List<CaseRecord> earlier, long row) {
        for (TeamMember m : team.reachable(c.id())) {
            List<Map<String, Object>> visible = earlier.stream()
                    .filter(e -> !team.isConflicted(e.id(), m))
                    .map(e -> Map.<String, Object>of("caseNumber", e.id(), "codeName", e.codeName(),
                            "state", e.state().name().toLowerCase(Locale.ROOT), "openedAt", CaseText.when(e.openedAt())))
                    .toList();
            if (!visible.isEmpty()) {
                mail.toMember(c, m, TemplateId.PATTERN_NOTICE, Map.of("earlier", visible, "count", visible.size()), row);
            }
        }
    }

    /** A later REPORTED corrects the earlier one: a notice must never go to a mistyped address. */
    private void setReported(long caseId, String name, String address) {
        List<Participant> existing = participants.findByCaseIdAndRole(caseId, ParticipantRole.REPORTED);
        if (existing.isEmpty()) {
            participants.save(new Participant(null, caseId, ParticipantRole.REPORTED, name, address, now()));
        } else {
            participants.rename(existing.get(0).id(), name, address);
        }
    }

    /** The roster member a REPORTED line names, if it names one. */
    private Optional<TeamMember> reportedMember(Command.SetReported reported) {
        if (reported.address() != null) {
            Optional<TeamMember> byAddress = settings.member(EmailAddress.of(reported.address()));
            if (byAddress.isPresent()) {
                return byAddress;
            }
        }
        String name = PatternCheck.normalise(reported.name());
        return settings.team().stream().filter(m -> !name.isEmpty() && PatternCheck.normalise(m.name()).equals(name))
                .findFirst();
    }

    /** Adds a person; the first recorded (the reporter who wrote in, say) is never overwritten. */
    private void addPerson(long caseId, ParticipantRole role, String name, String address) {
        boolean known = participants.findByCaseIdAndRole(caseId, role).stream().anyMatch(p ->
                address != null ? address.equalsIgnoreCase(p.address())
                        : PatternCheck.normalise(name).equals(PatternCheck.normalise(p.name())));
        if (!known) {
            participants.save(new Participant(null, caseId, role, name, address, now()));
        }
    }

    private String nameOf(String rosterAddress) {
        return settings.member(EmailAddress.of(rosterAddress)).map(TeamMember::name).orElse(rosterAddress);
    }

    private static Problem problem(String keyword, String reason) {
        return new Problem(0, keyword, reason, List.of());
    }

    private static String person(String name, String address) {
        if (address == null) {
            return name;
        }
        return name == null ? address : name + " <" + address + ">";
    }

    private void record(CaseRecord c, Actor actor, EventKind kind, String detail, long row) {
        events.save(new CaseEvent(null, c.id(), now(), actor, kind, detail, row));
    }

    private Instant now() {
        return clock.instant();
    }
}
