package org.conductd.casework;

import jakarta.inject.Singleton;
import java.util.List;
import org.conductd.cases.CaseTeam;
import org.conductd.commands.Command;
import org.conductd.compose.CaseMail;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.Severity;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.EventKind;

/** NOTE, SEVERITY, WHEN, WHERE, SUMMARY and PUBLIC-SUMMARY: the facts of the case record, which any member may set. */
@Singleton
final class RecordCommands {

    private final Settings settings;
    private final CaseRepository cases;
    private final CaseTeam team;
    private final CaseMail mail;

    RecordCommands(Settings settings, CaseRepository cases, CaseTeam team, CaseMail mail) {
        this.settings = settings;
        this.cases = cases;
        this.team = team;
        this.mail = mail;
    }

    List<CommandHandler<?>> handlers() {
        return List.of(
                CommandHandler.of(Command.Note.class, this::note),
                CommandHandler.of(Command.SetSeverity.class, this::severity),
                CommandHandler.of(Command.SetWhen.class, this::when),
                CommandHandler.of(Command.SetWhere.class, this::where),
                CommandHandler.of(Command.SetSummary.class, this::summary),
                CommandHandler.of(Command.SetPublicSummary.class, this::publicSummary));
    }

    private void note(Command.Note note, CommandContext context) {
        context.record(EventKind.NOTE, note.text());
        context.tell("Note added to the record.");
    }

    /** Only a case becoming urgent alerts anyone: setting urgent again on an urgent case does not. */
    private void severity(Command.SetSeverity severity, CommandContext context) {
        CaseRecord c = context.caseRecord();
        String level = severity.severity().label();
        cases.setSeverity(c.id(), severity.severity());
        context.record(EventKind.SEVERITY, level);
        if (severity.severity() == Severity.URGENT && !context.urgent()) {
            context.thenMail(() -> alertUrgent(c, context.sender(), context.row()));
            context.tell("Severity set to urgent; the team and the organizers are alerted.");
        } else {
            context.tell("Severity set to " + level + ".");
        }
        context.urgent(severity.severity() == Severity.URGENT);
    }

    private void when(Command.SetWhen when, CommandContext context) {
        cases.setIncidentWhen(context.caseRecord().id(), when.text());
        context.record(EventKind.WHEN, when.text());
        context.tell("When: " + when.text());
    }

    private void where(Command.SetWhere where, CommandContext context) {
        cases.setIncidentWhere(context.caseRecord().id(), where.text());
        context.record(EventKind.WHERE, where.text());
        context.tell("Where: " + where.text());
    }

    private void summary(Command.SetSummary summary, CommandContext context) {
        cases.setSummary(context.caseRecord().id(), summary.text());
        context.record(EventKind.SUMMARY, summary.text());
        context.tell("Summary: " + summary.text());
    }

    private void publicSummary(Command.SetPublicSummary summary, CommandContext context) {
        cases.setPublicSummary(context.caseRecord().id(), summary.text());
        context.record(EventKind.PUBLIC_SUMMARY, summary.text());
        context.tell("Public summary: " + summary.text());
    }

    /** The team (but the sender) and the organizers, who get only the case number and code name. */
    private void alertUrgent(CaseRecord c, TeamMember sender, long row) {
        for (TeamMember m : team.reachable(c.id())) {
            if (!m.equals(sender)) {
                mail.toMember(c, m, new TemplateModel.UrgentAlert(sender.name(), true), row);
            }
        }
        TemplateModel.UrgentAlert forOrganizers = new TemplateModel.UrgentAlert(sender.name(), false);
        for (EmailAddress organizer : settings.organizers()) {
            mail.toPerson(c, organizer, forOrganizers, row);
        }
    }
}
