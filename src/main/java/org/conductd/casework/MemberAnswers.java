package org.conductd.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.conductd.access.Refusal;
import org.conductd.cases.AnswerLimits;
import org.conductd.cases.CaseTeam;
import org.conductd.commands.Command;
import org.conductd.commands.Problem;
import org.conductd.compose.CaseMail;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.outbound.TemplateModel;
import org.conductd.store.Actor;
import org.conductd.store.AuthorRole;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRecord;
import org.conductd.store.Disposition;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.MessageRepository;

/**
 * What conductd writes back to a member about the mail they sent to a case, in the caller's
 * transaction: a refusal, the answer to STATUS or HELP sent without a token, one error mail
 * listing every bad line, or the transcript of what was applied. Refusals and answers
 * without a token count against the member's hourly share ({@link AnswerLimits}); a member
 * conflicted in the case is only ever told things that carry nothing of it.
 */
@Singleton
public final class MemberAnswers {

    private final Settings settings;
    private final CaseTeam team;
    private final CaseCommands commands;
    private final MessageRepository messages;
    private final EventRepository events;
    private final CaseMail mail;
    private final AnswerLimits limits;
    private final Clock clock;

    public MemberAnswers(Settings settings, CaseTeam team, CaseCommands commands, MessageRepository messages,
                         EventRepository events, CaseMail mail, AnswerLimits limits, Clock clock) {
        this.settings = settings;
        this.team = team;
        this.commands = commands;
        this.messages = messages;
        this.events = events;
        this.mail = mail;
        this.limits = limits;
        this.clock = clock;
    }

    /** The message is kept and flagged, nothing changes, and the member is told as the refusal table says. */
    public void refuse(CaseRecord c, TeamMember sender, long row, Refusal refusal) {
        String reason = refusal.reason(settings);
        messages.assign(row, c.id(), AuthorRole.RESPONDER, Disposition.REFUSED, reason);
        events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.member(sender.email()), EventKind.REFUSED, reason, row));
        if (limits.memberShareSpent(sender)) {
            return;
        }
        TemplateModel.Refusal model = refusal.model(settings);
        switch (refusal.answer()) {
            case CONTENT_FREE -> mail.contentFreeToMember(c, sender, model, row);
            case ABOUT_THE_CASE -> mail.toMember(c, sender, model, row);
        }
    }

    /**
     * STATUS and HELP without a token: answered only to the roster address, and within the
     * member's hourly share, since anyone can forge a From line to trigger them.
     */
    public void statusOrHelp(CaseRecord c, TeamMember sender, List<Command> asked, long row) {
        messages.assign(row, c.id(), AuthorRole.RESPONDER, Disposition.FOLLOW_UP, null);
        if (limits.memberShareSpent(sender)) {
            events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.member(sender.email()), EventKind.NOT_ANSWERED,
                    "STATUS/HELP without a token, over the hourly limit", row));
            return;
        }
        for (Command command : asked) {
            if (command instanceof Command.Status) {
                commands.sendStatus(c, sender, row);
            } else {
                commands.sendHelp(c, sender, row);
            }
        }
        events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.member(sender.email()), EventKind.ANSWERED,
                "STATUS/HELP answered to the roster address", row));
    }

    /** One mail naming every bad line with its valid choices; nothing was applied. */
    public void commandProblems(CaseRecord c, TeamMember sender, List<Problem> problems, long row) {
        List<TemplateModel.BadLine> listed = new ArrayList<>();
        for (Problem p : problems) {
            listed.add(new TemplateModel.BadLine(p.lineNumber() > 0 ? "Line " + p.lineNumber() : "Command", p.line(),
                    p.reason(), String.join(", ", p.validChoices())));
        }
        mail.toMember(c, sender, new TemplateModel.CommandError(problems.size(), listed), row);
        events.save(new CaseEvent(null, c.id(), clock.instant(), Actor.member(sender.email()), EventKind.COMMANDS_REJECTED,
                problems.size() + " problem(s); nothing applied", row));
    }

    /**
     * What the reply changed. A sender who just declared their own conflict gets only that
     * confirmation and the commands dropped because of it, without any case content.
     */
    public void transcript(CaseRecord c, TeamMember sender, CaseCommands.Applied applied, long row) {
        if (team.isConflicted(c.id(), sender)) {
            List<String> contentFree = new ArrayList<>(List.of("You are recorded as having a conflict of interest;"
                    + " you will receive nothing more about this case."));
            applied.droppedForOwnConflict().ifPresent(contentFree::add);
            mail.contentFreeToMember(c, sender, new TemplateModel.Transcript(lines(contentFree)), row);
            return;
        }
        mail.toMember(c, sender, new TemplateModel.Transcript(lines(applied.transcript())), row);
    }

    private static List<TemplateModel.Line> lines(List<String> lines) {
        return lines.stream().map(TemplateModel.Line::new).toList();
    }
}
