package org.conductd.casework;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.conductd.cases.CaseTeam;
import org.conductd.cases.PatternCheck;
import org.conductd.commands.Command;
import org.conductd.compose.CaseMail;
import org.conductd.compose.CaseText;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.Actor;
import org.conductd.store.CaseRecord;
import org.conductd.store.EventKind;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;

/**
 * REPORTER and REPORTED: the people of the case. A reported person on the team is left out of
 * the case, and earlier cases naming the same person are pointed out to the team.
 */
@Singleton
final class PeopleCommands {

    private final Settings settings;
    private final CaseTeam team;
    private final ParticipantRepository participants;
    private final PatternCheck patterns;
    private final CaseMail mail;

    PeopleCommands(Settings settings, CaseTeam team, ParticipantRepository participants, PatternCheck patterns,
                   CaseMail mail) {
        this.settings = settings;
        this.team = team;
        this.participants = participants;
        this.patterns = patterns;
        this.mail = mail;
    }

    List<CommandHandler<?>> handlers() {
        return List.of(
                CommandHandler.of(Command.SetReporter.class, this::checkReporter, this::reporter),
                CommandHandler.of(Command.SetReported.class, this::checkReported, this::reported));
    }

    private Optional<Objection> checkReporter(Command.SetReporter reporter, WorkingCopy copy) {
        if (reporter.address() != null) {
            copy.reporterAddress = true;
        }
        return Optional.empty();
    }

    private void reporter(Command.SetReporter reporter, CommandContext context) {
        addPerson(context, ParticipantRole.REPORTER, reporter.name(), reporter.address());
        context.record(EventKind.REPORTER, person(reporter.name(), reporter.address()));
        context.tell("Reporter recorded: " + person(reporter.name(), reporter.address()) + ".");
    }

    private Optional<Objection> checkReported(Command.SetReported reported, WorkingCopy copy) {
        if (reported.address() != null) {
            copy.reportedAddress = true;
        }
        return Optional.empty();
    }

    private void reported(Command.SetReported reported, CommandContext context) {
        CaseRecord c = context.caseRecord();
        setReported(context, reported.name(), reported.address());
        context.record(EventKind.REPORTED, person(reported.name(), reported.address()));
        reportedMember(reported).ifPresent(member -> {
            team.setConflict(c.id(), member.email().address(), true, "recorded as the reported person", null);
            context.record(EventKind.CONFLICT, member.name() + " is the reported person");
            context.tell(member.name() + " is on the team and is left out of the case from now on.");
        });
        List<CaseRecord> earlier = patterns.earlierCases(c.id(), reported.name(), reported.address());
        context.tell("Reported person recorded: " + person(reported.name(), reported.address()) + "."
                + (earlier.isEmpty() ? "" : " " + earlier.size() + " earlier case(s) name the same person;"
                + " the team is told."));
        if (!earlier.isEmpty()) {
            context.record(Actor.CONDUCTD, EventKind.PATTERN, "earlier cases: "
                    + earlier.stream().map(e -> "#" + e.id()).collect(Collectors.joining(", ")));
            context.thenMail(() -> notifyPattern(c, earlier, context.row()));
        }
    }

    /** Each member hears only of the earlier cases they are not conflicted in. */
    private void notifyPattern(CaseRecord c, List<CaseRecord> earlier, long row) {
        for (TeamMember m : team.reachable(c.id())) {
            List<TemplateModel.EarlierCase> visible = earlier.stream()
                    .filter(e -> !team.isConflicted(e.id(), m))
                    .map(e -> new TemplateModel.EarlierCase(e.id(), e.codeName(),
                            e.state().name().toLowerCase(Locale.ROOT), CaseText.when(e.openedAt())))
                    .toList();
            if (!visible.isEmpty()) {
                mail.toMember(c, m, new TemplateModel.PatternNotice(visible.size(), visible), row);
            }
        }
    }

    /** A later REPORTED corrects the earlier one: a notice must never go to a mistyped address. */
    private void setReported(CommandContext context, String name, String address) {
        long caseId = context.caseRecord().id();
        List<Participant> existing = participants.findByCaseIdAndRole(caseId, ParticipantRole.REPORTED);
        if (existing.isEmpty()) {
            participants.save(new Participant(null, caseId, ParticipantRole.REPORTED, name, address, context.now()));
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
    private void addPerson(CommandContext context, ParticipantRole role, String name, String address) {
        long caseId = context.caseRecord().id();
        boolean known = participants.findByCaseIdAndRole(caseId, role).stream().anyMatch(p ->
                address != null ? address.equalsIgnoreCase(p.address())
                        : PatternCheck.normalise(name).equals(PatternCheck.normalise(p.name())));
        if (!known) {
            participants.save(new Participant(null, caseId, role, name, address, context.now()));
        }
    }

    private static String person(String name, String address) {
        if (address == null) {
            return name;
        }
        return name == null ? address : name + " <" + address + ">";
    }
}
