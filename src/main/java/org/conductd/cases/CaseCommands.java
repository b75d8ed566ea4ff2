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
import org.conductd.commands.Severity;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MailKind;
import org.conductd.store.CaseEvent;
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
        Set<String> conflicted = new HashSet<>(team.conflicted(c.id()));
        CaseState state = c.state();
        for (Command command : commands) {
            String keyword = CommandSpec.of(command).keyword();
            if (CommandSpec.of(command).belongsToTwoPersonRule()) {
                checkTwoPersonRule(c, sender, command, state, referencedIds).ifPresent(reason ->
                        problems.add(new Problem(0, keyword, reason, reason.startsWith("name the draft")
                                ? drafts.pendingLabels(c.id()) : List.of())));
            } else if (command instanceof Command.Close) {
                if (state == CaseState.CLOSED) {
                    problems.add(problem(keyword, "the case is already closed"));
                }
                state = CaseState.CLOSED;
            } else if (command instanceof Command.Reopen) {
                if (state == CaseState.OPEN) {
                    problems.add(problem(keyword, "the case is open"));
                }
                state = CaseState.OPEN;
            } else if (command instanceof Command.Conflict conflict) {
                conflicted.add(conflict.memberAddress());
            } else if (command instanceof Command.ConflictClear clear) {
                // A conflicted sender is refused before this point, so clearing oneself is always a mistake.
                if (!conflicted.contains(clear.memberAddress())) {
                    problems.add(problem(keyword, clear.memberAddress().equals(sender.email().address())
                            ? "you have no conflict in this case"
                            : nameOf(clear.memberAddress()) + " has no conflict in this case"));
                }
                conflicted.remove(clear.memberAddress());
            } else if (command instanceof Command.Assign assign && conflicted.contains(assign.memberAddress())) {
                problems.add(problem(keyword, nameOf(assign.memberAddress()) + " has a conflict in this case"));
            }
        }
        return problems;
    }

    /** Why a drafting, approving, rejecting or overriding command cannot apply, if it cannot. */
    private Optional<String> checkTwoPersonRule(CaseRecord c, TeamMember sender, Command command,
                                                          CaseState state, List<String> referencedIds) {
        String member = sender.email().address();
        if (command instanceof Command.Reply reply) {
            if (state == CaseState.CLOSED) {
                return Optional.of("the case is closed; REOPEN it first");
            }
            if (drafting.addressee(c.id(), reply.to()).isEmpty()) {
                return Optional.of(reply.to() == org.conductd.commands.Recipient.REPORTER
                        ? "no address is recorded for the reporter; record one with REPORTER: Name <address>"
                        : "no address is recorded for the reported person; record one with REPORTED: Name <address>");
            }
            return Optional.empty();
        }
        if (command instanceof Command.Resolve) {
            return state == CaseState.CLOSED ? Optional.of("the case is closed; REOPEN it first")
                    : Optional.empty();
        }
        if (command instanceof Command.DsfReport) {
            return c.dsfReportedAt() == null ? Optional.empty()
                    : Optional.of("this incident was reported to the DSF on " + CaseText.when(c.dsfReportedAt())
                            + "; one report per incident");
        }
        String label = command instanceof Command.Approve approve ? approve.draftId() : null;
        Optional<Draft> draft = drafts.identify(c.id(), label, referencedIds);
        if (draft.isEmpty()) {
            return Optional.of(label != null ? "there is no draft " + label + " in this case"
                    : "name the draft, e.g. " + CommandSpec.of(command).keyword() + (command instanceof Command.Approve
                            ? ": D<n>" : ": reason") + ", by replying to its approval request");
        }
        return command instanceof Command.Approve
                ? drafts.whyNotApprovable(draft.get(), member)
                : drafts.whyClosed(draft.get());
    }

    /** Makes every change; the mail they cause is returned, to be sent after all of them. */
    public Applied apply(CaseRecord c, TeamMember sender, List<Command> commands, List<String> referencedIds, long row) {
        List<String> transcript = new ArrayList<>();
        List<Runnable> followingMail = new ArrayList<>();
        String lead = c.lead();
        boolean urgent = "urgent".equals(c.severity());
        for (Command command : commands) {
            String actor = sender.email().address();
            if (command instanceof Command.Note note) {
                record(c, actor, "note", note.text(), row);
                transcript.add("Note added to the record.");
            } else if (command instanceof Command.SetSeverity severity) {
                String level = severity.severity().label();
                cases.setSeverity(c.id(), level);
                record(c, actor, "severity", level, row);
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
                record(c, actor, "assigned", nameOf(lead) + " leads the case", row);
                transcript.add(nameOf(lead) + " now leads the case.");
            } else if (command instanceof Command.Conflict conflict) {
                String member = conflict.memberAddress();
                team.setConflict(c.id(), member, true, "declared by " + sender.name());
                record(c, actor, "conflict", nameOf(member) + " has a conflict of interest", row);
                transcript.add(nameOf(member) + " is left out of the case from now on.");
                if (member.equals(lead)) {
                    cases.setLead(c.id(), null);
                    lead = null;
                    record(c, actor, "assigned", "nobody leads the case: the lead has a conflict", row);
                    transcript.add("The case has no lead now: ASSIGN someone else.");
                }
            } else if (command instanceof Command.ConflictClear clear) {
                team.setConflict(c.id(), clear.memberAddress(), false, null);
                record(c, actor, "conflict-cleared", nameOf(clear.memberAddress()) + " is back on the case", row);
                transcript.add(nameOf(clear.memberAddress()) + " receives the case's mail again from now on.");
            } else if (command instanceof Command.SetReporter reporter) {
                addPerson(c.id(), ParticipantRole.REPORTER, reporter.name(), reporter.address());
                record(c, actor, "reporter", person(reporter.name(), reporter.address()), row);
                transcript.add("Reporter recorded: " + person(reporter.name(), reporter.address()) + ".");
            } else if (command instanceof Command.SetReported reported) {
                addPerson(c.id(), ParticipantRole.REPORTED, reported.name(), reported.address());
                record(c, actor, "reported", person(reported.name(), reported.address()), row);
                List<CaseRecord> earlier = patterns.earlierCases(c.id(), reported.name(), reported.address());
                transcript.add("Reported person recorded: " + person(reported.name(), reported.address()) + "."
                        + (earlier.isEmpty() ? "" : " " + earlier.size() + " earlier case(s) name the same person;"
                        + " the team is told."));
                if (!earlier.isEmpty()) {
                    record(c, CaseIntake.ACTOR_SYSTEM, "pattern", "earlier cases: "
                            + earlier.stream().map(e -> "#" + e.id()).collect(Collectors.joining(", ")), row);
                    followingMail.add(() -> notifyPattern(c, earlier, row));
                }
            } else if (command instanceof Command.SetWhen when) {
                cases.setIncidentWhen(c.id(), when.text());
                record(c, actor, "when", when.text(), row);
                transcript.add("When: " + when.text());
            } else if (command instanceof Command.SetWhere where) {
                cases.setIncidentWhere(c.id(), where.text());
                record(c, actor, "where", where.text(), row);
                transcript.add("Where: " + where.text());
            } else if (command instanceof Command.SetSummary summary) {
                cases.setSummary(c.id(), summary.text());
                record(c, actor, "summary", summary.text(), row);
                transcript.add("Summary: " + summary.text());
            } else if (command instanceof Command.SetPublicSummary summary) {
                cases.setPublicSummary(c.id(), summary.text());
                record(c, actor, "public-summary", summary.text(), row);
                transcript.add("Public summary: " + summary.text());
            } else if (command instanceof Command.Close) {
                cases.setState(c.id(), CaseState.CLOSED.name(), now());
                record(c, actor, "closed", c.state() == CaseState.RESOLVED ? "closed" : "closed without a resolution", row);
                transcript.add("The case is closed.");
            } else if (command instanceof Command.Reopen reopen) {
                cases.setState(c.id(), CaseState.OPEN.name(), null);
                record(c, actor, "reopened", reopen.reason(), row);
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
            } else if (command instanceof Command.Approve approve) {
                Draft draft = drafts.identify(c.id(), approve.draftId(), referencedIds).orElseThrow();
                Drafts.Approved approved = drafts.approve(draft, actor, row);
                record(c, actor, "approved", draft.label(), row);
                if (approved.complete()) {
                    drafting.send(c, draft, actor, null, row);
                    followingMail.add(() -> drafting.tellSent(c, draft, row));
                    transcript.add("Approved " + draft.label() + "; it is sent.");
                } else {
                    transcript.add("Approved " + draft.label() + "; " + (approved.needed() - approved.approvals())
                            + " more approval(s) needed.");
                }
            } else if (command instanceof Command.Reject reject) {
                Draft draft = drafts.identify(c.id(), null, referencedIds).orElseThrow();
                drafts.reject(draft, actor, reject.reason());
                record(c, actor, "rejected", draft.label() + ": " + reject.reason(), row);
                followingMail.add(() -> drafting.tellRejected(c, draft, sender, reject.reason(), row));
                transcript.add("Rejected " + draft.label() + "; its author is told.");
            } else if (command instanceof Command.SendNow sendNow) {
                Draft draft = drafts.identify(c.id(), null, referencedIds).orElseThrow();
                drafting.send(c, draft, actor, "SEND-NOW: " + sendNow.reason(), row);
                record(c, actor, "send-now", draft.label() + ": " + sendNow.reason(), row);
                followingMail.add(() -> drafting.alertSendNow(c, draft, sender, sendNow.reason(), row));
                transcript.add("Sent " + draft.label() + " without a second member; the team and the organizers"
                        + " are told.");
            } else {
                throw new IllegalStateException("not checked: " + command);
            }
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
        record(c, author.email().address(), "drafted", draft.label() + ": " + draft.kind().description(), row);
        followingMail.add(() -> drafting.requestApprovals(c, draft, author, row));
        transcript.add("Drafted " + draft.label() + " (" + draft.kind().description() + "); it is sent once "
                + settings.approvalsRequired() + " other member(s) approve it.");
    }

    /** STATUS: the case record, only ever to the member's roster address, never to a conflicted member. */
    public void sendStatus(CaseRecord c, TeamMember member, long row) {
        if (team.isConflicted(c.id(), member)) {
            return;
        }
        CaseRecord fresh = cases.findById(c.id()).orElse(c);
        mail.toMember(fresh, member, MailKind.TRANSCRIPT, "status", Map.of("record", status.render(fresh)), row);
    }

    /** HELP: the command reference, generated from the parser's own table. */
    public void sendHelp(CaseRecord c, TeamMember member, long row) {
        mail.toMember(c, member, MailKind.TRANSCRIPT, "help",
                Map.of("help", CommandTable.helpText(settings.resolutions())), row);
    }

    /** The team (but the sender) and the organizers, who get only the case number and code name. */
    private void alertUrgent(CaseRecord c, TeamMember sender, long row) {
        for (TeamMember m : team.reachable(c.id())) {
            if (!m.equals(sender)) {
                mail.toMember(c, m, MailKind.ALERT, "urgent-alert", Map.of("actorName", sender.name(), "forTeam", true), row);
            }
        }
        Map<String, Object> forOrganizers = Map.of("actorName", sender.name(), "forTeam", false);
        for (EmailAddress organizer : settings.organizers()) {
            mail.toPerson(c, organizer, MailKind.ALERT, "urgent-alert", forOrganizers, null, List.of(), Map.of(), row);
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
                mail.toMember(c, m, MailKind.ALERT, "pattern-notice", Map.of("earlier", visible, "count", visible.size()), row);
            }
        }
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

    private void record(CaseRecord c, String actor, String kind, String detail, long row) {
        events.save(new CaseEvent(null, c.id(), now(), actor, kind, detail, row));
    }

    private Instant now() {
        return clock.instant();
    }
}
