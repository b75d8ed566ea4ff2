package org.conductd.casework;

import jakarta.inject.Singleton;
import java.util.List;
import org.conductd.cases.CaseTeam;
import org.conductd.commands.Command;
import org.conductd.commands.CommandTable;
import org.conductd.compose.CaseMail;
import org.conductd.compose.CaseStatusText;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;

/** STATUS and HELP: they change nothing, and answer the sender by mail once the reply's changes are made. */
@Singleton
final class AnswerCommands {

    private final Settings settings;
    private final CaseRepository cases;
    private final CaseTeam team;
    private final CaseStatusText status;
    private final CaseMail mail;

    AnswerCommands(Settings settings, CaseRepository cases, CaseTeam team, CaseStatusText status, CaseMail mail) {
        this.settings = settings;
        this.cases = cases;
        this.team = team;
        this.status = status;
        this.mail = mail;
    }

    List<CommandHandler<?>> handlers() {
        return List.of(
                CommandHandler.of(Command.Status.class, (command, context) -> context.thenMail(() ->
                        sendStatus(context.caseRecord(), context.sender(), context.row()))),
                CommandHandler.of(Command.Help.class, (command, context) -> context.thenMail(() ->
                        sendHelp(context.caseRecord(), context.sender(), context.row()))));
    }

    /** STATUS: the case record, only ever to the member's roster address, never to a conflicted member. */
    void sendStatus(CaseRecord c, TeamMember member, long row) {
        if (team.isConflicted(c.id(), member)) {
            return;
        }
        CaseRecord fresh = cases.findById(c.id()).orElse(c);
        mail.toMember(fresh, member, new TemplateModel.Status(status.render(fresh)), row);
    }

    /** HELP: the command reference, generated from the parser's own table. */
    void sendHelp(CaseRecord c, TeamMember member, long row) {
        mail.toMember(c, member, new TemplateModel.Help(CommandTable.helpText(settings.resolutions())), row);
    }
}
