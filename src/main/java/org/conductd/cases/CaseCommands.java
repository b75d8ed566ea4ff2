package org.conductd.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.conductd.commands.Command;
import org.conductd.commands.CommandTable;
import org.conductd.commands.Problem;
import org.conductd.commands.Severity;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MailKind;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseMember;
import org.conductd.store.CaseMemberRepository;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.CaseState;
import org.conductd.store.EventRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;

/**
 * Carries out a responder's parsed commands on a case (SPEC §3.4), in the caller's
 * transaction. {@link #check} finds what the case's state forbids, so that together with the
 * parser's problems a reply is applied all or nothing; {@link #apply} then makes each change,
 * writes it to the event log with who, when and from which message, and returns the lines
 * of the sender's transcript.
 */
@Singleton
public final class CaseCommands {

    private final Settings settings;
    private final CaseRepository cases;
    private final CaseMemberRepository members;
    private final ParticipantRepository participants;
    private final EventRepository events;
    private final PatternCheck patterns;
    private final CaseStatusText status;
    private final CaseMail mail;
    private final Clock clock;

    public CaseCommands(Settings settings, CaseRepository cases, CaseMemberRepository members,
                        ParticipantRepository participants, EventRepository events, PatternCheck patterns,
                        CaseStatusText status, CaseMail mail, Clock clock) {
        this.settings = settings;
        this.cases = cases;
        this.members = members;
        this.participants = participants;
        this.events = events;
        this.patterns = patterns;
        this.status = status;
        this.mail = mail;
        this.clock = clock;
    }

    /** What the case's state or the two-person rule forbids among these commands. */
    public List<Problem> check(CaseRecord c, TeamMember sender, List<Command> commands) {
        List<Problem> problems = new ArrayList<>();
        Set<String> conflicted = conflicted(c.id());
        for (Command command : commands) {
            String line = keyword(command);
            if (isDrafting(command)) {
                problems.add(problem(line, "drafting mail to people outside the team is not available yet; "
                        + "nothing was drafted", List.of()));
            } else if (command instanceof Command.Close && c.state() == CaseState.CLOSED) {
                problems.add(problem(line, "the case is already closed", List.of()));
            } else if (command instanceof Command.Reopen && c.state() == CaseState.OPEN) {
                problems.add(problem(line, "the case is open", List.of()));
            } else if (command instanceof Command.ConflictClear clear) {
                if (clear.memberAddress().equals(sender.email().address())) {
                    problems.add(problem(line, "another team member must clear your conflict", List.of()));
                } else if (!conflicted.contains(clear.memberAddress())) {
                    problems.add(problem(line, nameOf(clear.memberAddress()) + " has no conflict in this case", List.of()));
                }
            } else if (command instanceof Command.Assign assign && conflicted.contains(assign.memberAddress())) {
                problems.add(problem(line, nameOf(assign.memberAddress()) + " has a conflict in this case",
                        unconflictedNames(conflicted)));
            }
        }
        return problems;
    }

    /**
     * Applies every command; returns the transcript lines for the sender, none for STATUS
     * and HELP, whose own mail is the answer.
     */
    public List<String> apply(CaseRecord c, TeamMember sender, List<Command> commands, long row) {
        List<String> transcript = new ArrayList<>();
        for (Command command : commands) {
            String line = applyOne(c, sender, command, row);
            if (line != null) {
                transcript.add(line);
            }
        }
        cases.touch(c.id(), now());
        return transcript;
    }

    private String applyOne(CaseRecord c, TeamMember sender, Command command, long row) {
        String actor = sender.email().address();
        if (command instanceof Command.Note note) {
            record(c, actor, "note", note.text(), row);
            return "Note added to the record.";
        }
        if (command instanceof Command.SetSeverity severity) {
            String level = severity.severity().name().toLowerCase(Locale.ROOT);
            cases.setSeverity(c.id(), level);
            record(c, actor, "severity", level, row);
            if (severity.severity() == Severity.URGENT) {
                alertUrgent(c, sender, row);
                return "Severity set to urgent; the team and the organizers were alerted.";
            }
            return "Severity set to " + level + ".";
        }
        if (command instanceof Command.Assign assign) {
            cases.setLead(c.id(), assign.memberAddress());
            record(c, actor, "assigned", nameOf(assign.memberAddress()) + " leads the case", row);
            return nameOf(assign.memberAddress()) + " now leads the case.";
        }
        if (command instanceof Command.Conflict conflict) {
            members.setConflict(c.id(), conflict.memberAddress(), true, "declared by " + sender.name(), now());
            record(c, actor, "conflict", nameOf(conflict.memberAddress()) + " has a conflict of interest", row);
            return nameOf(conflict.memberAddress()) + " is left out of the case from now on.";
        }
        if (command instanceof Command.ConflictClear clear) {
            members.setConflict(c.id(), clear.memberAddress(), false, null, now());
            record(c, actor, "conflict-cleared", nameOf(clear.memberAddress()) + " is back on the case", row);
            return nameOf(clear.memberAddress()) + " receives the case's mail again from now on.";
        }
        if (command instanceof Command.SetReporter reporter) {
            setPerson(c.id(), ParticipantRole.REPORTER, reporter.name(), reporter.address());
            record(c, actor, "reporter", person(reporter.name(), reporter.address()), row);
            return "Reporter recorded: " + person(reporter.name(), reporter.address()) + ".";
        }
        if (command instanceof Command.SetReported reported) {
            setPerson(c.id(), ParticipantRole.REPORTED, reported.name(), reported.address());
            record(c, actor, "reported", person(reported.name(), reported.address()), row);
            List<CaseRecord> earlier = patterns.earlierCases(c.id(), reported.name(), reported.address());
            if (!earlier.isEmpty()) {
                notifyPattern(c, earlier, row);
                return "Reported person recorded: " + person(reported.name(), reported.address()) + ". "
                        + earlier.size() + " earlier case(s) name the same person; the team was told.";
            }
            return "Reported person recorded: " + person(reported.name(), reported.address()) + ".";
        }
        if (command instanceof Command.SetWhen when) {
            cases.setIncidentWhen(c.id(), when.text());
            record(c, actor, "when", when.text(), row);
            return "When: " + when.text();
        }
        if (command instanceof Command.SetWhere where) {
            cases.setIncidentWhere(c.id(), where.text());
            record(c, actor, "where", where.text(), row);
            return "Where: " + where.text();
        }
        if (command instanceof Command.SetSummary summary) {
            cases.setSummary(c.id(), summary.text());
            record(c, actor, "summary", summary.text(), row);
            return "Summary: " + summary.text();
        }
        if (command instanceof Command.SetPublicSummary summary) {
            cases.setPublicSummary(c.id(), summary.text());
            record(c, actor, "public-summary", summary.text(), row);
            return "Public summary: " + summary.text();
        }
        if (command instanceof Command.Close) {
            cases.setState(c.id(), CaseState.CLOSED.name(), now());
            record(c, actor, "closed", c.state() == CaseState.RESOLVED ? "closed" : "closed without a resolution", row);
            return "The case is closed.";
        }
        if (command instanceof Command.Reopen reopen) {
            cases.setState(c.id(), CaseState.OPEN.name(), null);
            record(c, actor, "reopened", reopen.reason(), row);
            return "The case is open again.";
        }
        if (command instanceof Command.Status) {
            sendStatus(c, sender, row);
            return null;
        }
        if (command instanceof Command.Help) {
            sendHelp(c, sender, row);
            return null;
        }
        throw new IllegalStateException("not checked: " + command);
    }

    /** STATUS: the case record, only ever to the member's roster address. */
    public void sendStatus(CaseRecord c, TeamMember member, long row) {
        CaseRecord fresh = cases.findById(c.id()).orElse(c);
        mail.toMember(fresh, member, MailKind.TRANSCRIPT, "status", Map.of("record", status.render(fresh)), row);
    }

    /** HELP: the command reference, generated from the parser's own table. */
    public void sendHelp(CaseRecord c, TeamMember member, long row) {
        mail.toMember(c, member, MailKind.TRANSCRIPT, "help",
                Map.of("help", CommandTable.helpText(settings.resolutions())), row);
    }

    private void alertUrgent(CaseRecord c, TeamMember sender, long row) {
        Set<String> conflicted = conflicted(c.id());
        Map<String, Object> model = new HashMap<>(Map.of("actorName", sender.name(), "forTeam", true));
        for (TeamMember m : settings.team()) {
            if (!m.equals(sender) && !conflicted.contains(m.email().address())) {
                mail.toMember(c, m, MailKind.ALERT, "urgent-alert", model, row);
            }
        }
        Map<String, Object> forOrganizers = Map.of("actorName", sender.name(), "forTeam", false);
        for (EmailAddress organizer : settings.organizers()) {
            mail.toPerson(c, organizer, MailKind.ALERT, "urgent-alert", forOrganizers, null, List.of(), Map.of(), row);
        }
    }

    private void notifyPattern(CaseRecord c, List<CaseRecord> earlier, long row) {
        List<Map<String, Object>> list = earlier.stream().map(e -> Map.<String, Object>of(
                "caseNumber", e.id(), "codeName", e.codeName(),
                "state", e.state().name().toLowerCase(Locale.ROOT), "openedAt", CaseText.when(e.openedAt())))
                .toList();
        Map<String, Object> model = Map.of("earlier", list, "count", earlier.size());
        Set<String> conflicted = conflicted(c.id());
        for (TeamMember m : settings.team()) {
            if (!conflicted.contains(m.email().address())) {
                mail.toMember(c, m, MailKind.ALERT, "pattern-notice", model, row);
            }
        }
        record(c, CaseIntake.ACTOR_SYSTEM, "pattern", "earlier cases: "
                + earlier.stream().map(e -> "#" + e.id()).collect(Collectors.joining(", ")), row);
    }

    private void setPerson(long caseId, ParticipantRole role, String name, String address) {
        List<Participant> existing = participants.findByCaseIdAndRole(caseId, role);
        if (existing.isEmpty()) {
            participants.save(new Participant(null, caseId, role, name, address, now()));
        } else {
            participants.rename(existing.get(0).id(), name, address);
        }
    }

    private Set<String> conflicted(long caseId) {
        return members.findByCaseId(caseId).stream().filter(CaseMember::conflicted).map(CaseMember::member)
                .collect(Collectors.toSet());
    }

    private List<String> unconflictedNames(Set<String> conflicted) {
        return settings.team().stream().filter(m -> !conflicted.contains(m.email().address())).map(TeamMember::name)
                .toList();
    }

    private String nameOf(String rosterAddress) {
        return settings.member(EmailAddress.of(rosterAddress)).map(TeamMember::name).orElse(rosterAddress);
    }

    /** The command's keyword, to name it in an error mail. */
    private static String keyword(Command command) {
        if (command instanceof Command.Reply) {
            return "REPLY";
        } else if (command instanceof Command.Resolve) {
            return "RESOLVE";
        } else if (command instanceof Command.DsfReport) {
            return "DSF-REPORT";
        } else if (command instanceof Command.Approve) {
            return "APPROVE";
        } else if (command instanceof Command.Reject) {
            return "REJECT";
        } else if (command instanceof Command.SendNow) {
            return "SEND-NOW";
        } else if (command instanceof Command.Close) {
            return "CLOSE";
        } else if (command instanceof Command.Reopen) {
            return "REOPEN";
        } else if (command instanceof Command.ConflictClear) {
            return "CONFLICT-CLEAR";
        } else if (command instanceof Command.Assign) {
            return "ASSIGN";
        }
        return command.getClass().getSimpleName().toUpperCase(Locale.ROOT);
    }

    private static boolean isDrafting(Command command) {
        return command instanceof Command.Reply || command instanceof Command.Resolve
                || command instanceof Command.DsfReport || command instanceof Command.Approve
                || command instanceof Command.Reject || command instanceof Command.SendNow;
    }

    private static Problem problem(String line, String reason, List<String> choices) {
        return new Problem(0, line, reason, choices);
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

    /** The member's standing in the case, for callers that must refuse conflicted members. */
    public boolean isConflicted(long caseId, TeamMember member) {
        return conflicted(caseId).contains(member.email().address());
    }
}
