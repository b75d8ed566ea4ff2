package org.conductd.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conductd.commands.Command;
import org.conductd.commands.CommandParser;
import org.conductd.commands.ParseResult;
import org.conductd.commands.Problem;
import org.conductd.commands.ReplyTrimmer;
import org.conductd.commands.RosterEntry;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.MessageBudget;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.InboundMessage;
import org.conductd.mail.MailKind;
import org.conductd.outbound.TemplateId;
import org.conductd.store.AuthorRole;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.EventRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.OutboxRepository;

/**
 * A responder's mail in a case (SPEC §3.3, §3.4, §4), in the caller's transaction: the new
 * text is trimmed from the reply and parsed; an authentic reply's commands are applied all
 * or nothing (with a transcript, or one error mail listing every bad line), and its
 * discussion is relayed to the other responders who are not conflicted. A reply that is not
 * authentic changes nothing, is kept flagged and unrelayed, and the member's roster address
 * is told. STATUS and HELP alone need no token: their answer only goes to the roster address.
 */
@Singleton
public final class ResponderMail {

    /** At most this many refusals an hour to one member, so a forger cannot flood them. */
    private static final int UNPROMPTED_PER_HOUR = 3;
    /** The kinds of mail that answer a member's mail by themselves, and so share that limit. */
    private static final List<String> AUTOMATIC_ANSWERS = List.of(MailKind.REFUSAL.headerValue(),
            MailKind.TRANSCRIPT.headerValue(), MailKind.COMMAND_ERROR.headerValue());

    private final Settings settings;
    private final ReplyTrimmer trimmer = new ReplyTrimmer();
    private final CommandParser parser;
    private final CommandAuthentication authentication;
    private final CaseCommands commands;
    private final CaseTeam team;
    private final CaseRepository cases;
    private final MessageRepository messages;
    private final EventRepository events;
    private final CaseMail mail;
    private final OutboxRepository outboxItems;
    private final Clock clock;

    public ResponderMail(Settings settings, CommandAuthentication authentication, CaseCommands commands,
                         CaseTeam team, CaseRepository cases, MessageRepository messages, EventRepository events,
                         CaseMail mail, OutboxRepository outboxItems, Clock clock) {
        this.settings = settings;
        this.parser = new CommandParser(settings.team().stream()
                .map(m -> new RosterEntry(m.name(), m.email().address(),
                        m.aliases().stream().map(EmailAddress::address).toList()))
                .toList(), settings.resolutions());
        this.authentication = authentication;
        this.commands = commands;
        this.team = team;
        this.cases = cases;
        this.messages = messages;
        this.events = events;
        this.mail = mail;
        this.outboxItems = outboxItems;
        this.clock = clock;
    }

    public void handle(CaseRecord c, TeamMember sender, long row, InboundMessage m) {
        String actor = sender.email().address();
        if (team.isConflicted(c.id(), sender)) {
            refuse(c, sender, row, Refusal.CONFLICTED);
            return;
        }
        ReplyTrimmer.Reply reply = MessageBudget.within(() -> trimmer.read(m));
        String newText = reply.newText();
        ParseResult parsed = MessageBudget.within(() -> parser.parse(newText, reply.authorBlock(), actor));
        CommandAuthentication.Verdict verdict = authentication.check(c.id(), sender, m);
        if (verdict instanceof CommandAuthentication.Verdict.Refused refused) {
            if (onlyStatusOrHelp(parsed)) {
                messages.assign(row, c.id(), AuthorRole.RESPONDER.name(), Disposition.FOLLOW_UP.name(), null);
                answerStatusOrHelp(c, sender, (ParseResult.Parsed) parsed, row);
                return;
            }
            refuse(c, sender, row, refused.refusal());
            return;
        }
        if (verdict instanceof CommandAuthentication.Verdict.Expired && !stillAllowedWhenExpired(parsed)) {
            // The refusal carries a fresh token in its own Message-ID: answering it works.
            refuse(c, sender, row, Refusal.ANSWERS_OLD_MAIL);
            return;
        }
        messages.assign(row, c.id(), AuthorRole.RESPONDER.name(), Disposition.FOLLOW_UP.name(), null);
        cases.touch(c.id(), clock.instant());
        if (parsed instanceof ParseResult.Problems problems) {
            reportProblems(c, sender, problems.problems(), row);
            return;
        }
        ParseResult.Parsed ok = (ParseResult.Parsed) parsed;
        List<Problem> stateProblems = commands.check(c, sender, ok.commands(), m.referencedIds());
        if (!stateProblems.isEmpty()) {
            reportProblems(c, sender, stateProblems.stream().map(p -> located(p, newText)).toList(), row);
            return;
        }
        // Every change first, then the mail: a CONFLICT in this reply already keeps its member out.
        CaseCommands.Applied applied = commands.apply(c, sender, ok.commands(), m.referencedIds(), row);
        if (!ok.discussion().isBlank()) {
            relay(c, sender, ok.discussion(), CaseText.files(m.attachments()), row);
        }
        applied.mail().forEach(Runnable::run);
        if (!applied.transcript().isEmpty()) {
            transcript(c, sender, applied.transcript(), row);
        }
        if (ok.commands().isEmpty() && ok.discussion().isBlank()) {
            events.save(new CaseEvent(null, c.id(), clock.instant(), actor, "message", "an empty reply", row));
        }
    }

    private static String withoutLeadingAsterisks(String line) {
        int start = 0;
        while (start < line.length() && line.charAt(start) == '*') {
            start++;
        }
        return line.substring(start);
    }

    /** A problem found against the case's state names only its keyword: quote the reply's line for it. */
    private static Problem located(Problem problem, String newText) {
        List<String> lines = newText.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = withoutLeadingAsterisks(lines.get(i).strip());
            if (line.regionMatches(true, 0, problem.line(), 0, problem.line().length())) {
                return new Problem(i + 1, lines.get(i).strip(), problem.reason(), problem.validChoices());
            }
        }
        return problem;
    }

    /** What an answer to old case mail may still do: discussion, STATUS, HELP and REOPEN. */
    private static boolean stillAllowedWhenExpired(ParseResult parsed) {
        return parsed instanceof ParseResult.Parsed p && p.commands().stream().allMatch(
                c -> c instanceof Command.Status || c instanceof Command.Help || c instanceof Command.Reopen);
    }

    private static boolean onlyStatusOrHelp(ParseResult parsed) {
        return parsed instanceof ParseResult.Parsed p && !p.commands().isEmpty() && p.discussion().isBlank()
                && p.commands().stream().allMatch(c -> c instanceof Command.Status || c instanceof Command.Help);
    }

    /**
     * STATUS and HELP without a token: answered only to the roster address, and rate-limited
     * like refusals, since anyone can forge a From line to trigger them.
     */
    private void answerStatusOrHelp(CaseRecord c, TeamMember sender, ParseResult.Parsed parsed, long row) {
        if (recentlyTold(sender)) {
            events.save(new CaseEvent(null, c.id(), clock.instant(), sender.email().address(), "not-answered",
                    "STATUS/HELP without a token, over the hourly limit", row));
            return;
        }
        for (Command command : parsed.commands()) {
            if (command instanceof Command.Status) {
                commands.sendStatus(c, sender, row);
            } else {
                commands.sendHelp(c, sender, row);
            }
        }
        events.save(new CaseEvent(null, c.id(), clock.instant(), sender.email().address(), "answered",
                "STATUS/HELP answered to the roster address", row));
    }

    /** The message is kept and flagged, nothing changes, and the member's roster address is told (rate-limited). */
    private void refuse(CaseRecord c, TeamMember sender, long row, Refusal refusal) {
        String reason = refusal.reason(settings);
        messages.assign(row, c.id(), AuthorRole.RESPONDER.name(), Disposition.REFUSED.name(), reason);
        events.save(new CaseEvent(null, c.id(), clock.instant(), sender.email().address(), "refused", reason, row));
        if (!recentlyTold(sender)) {
            Map<String, Object> model = Map.of("reason", reason, "hint", refusal.hint());
            if (team.isConflicted(c.id(), sender)) {
                // A one-line refusal that carries nothing of the case (SPEC §3.5), so it still reaches them.
                mail.contentFreeToMember(c, sender, refusal.template(), model, row);
            } else {
                mail.toMember(c, sender, refusal.template(), model, row);
            }
        }
    }

    /**
     * Whether the member already had the hour's share of automatic answers: refusals,
     * STATUS and HELP answers, transcripts and command errors count together, so a forger
     * cannot get more of one kind once the limit is reached in another.
     */
    private boolean recentlyTold(TeamMember member) {
        return outboxItems.countOfKindsSince(member.email().address(), AUTOMATIC_ANSWERS,
                clock.instant().minus(Duration.ofHours(1))) >= UNPROMPTED_PER_HOUR;
    }

    private void reportProblems(CaseRecord c, TeamMember sender, List<Problem> problems, long row) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Problem p : problems) {
            listed.add(Map.of(
                    "where", p.lineNumber() > 0 ? "Line " + p.lineNumber() : "Command",
                    "line", p.line(),
                    "reason", p.reason(),
                    "choices", String.join(", ", p.validChoices())));
        }
        mail.toMember(c, sender, TemplateId.COMMAND_ERROR,
                Map.of("problems", listed, "count", problems.size()), row);
        events.save(new CaseEvent(null, c.id(), clock.instant(), sender.email().address(), "commands-rejected",
                problems.size() + " problem(s); nothing applied", row));
    }

    private void transcript(CaseRecord c, TeamMember sender, List<String> changes, long row) {
        if (team.isConflicted(c.id(), sender)) {
            // The sender just declared their own conflict: confirm it, and name the commands
            // dropped because of it, without any case content.
            List<String> contentFree = new ArrayList<>(List.of("You are recorded as having a conflict of interest;"
                    + " you will receive nothing more about this case."));
            changes.stream().filter(l -> l.startsWith(CaseCommands.NOT_APPLIED)).forEach(contentFree::add);
            List<Map<String, Object>> lines = contentFree.stream().map(l -> Map.<String, Object>of("line", l)).toList();
            mail.contentFreeToMember(c, sender, TemplateId.TRANSCRIPT, Map.of("changes", lines), row);
            return;
        }
        List<Map<String, Object>> lines = changes.stream().map(l -> Map.<String, Object>of("line", l)).toList();
        mail.toMember(c, sender, TemplateId.TRANSCRIPT, Map.of("changes", lines), row);
    }

    /** The case as a private list: the discussion goes to every other responder who is not conflicted. */
    private void relay(CaseRecord c, TeamMember sender, String discussion, CaseText.Files files, long row) {
        Map<String, Object> model = new HashMap<>(files.model());
        model.put("authorRole", sender.name());
        model.put("authorLine", sender.name() + " (team)");
        model.put("newParticipant", false);
        model.put("receivedAt", CaseText.when(clock.instant()));
        model.put("text", CaseText.shown(discussion));
        int relayed = 0;
        for (TeamMember to : team.reachable(c.id())) {
            if (!to.equals(sender)) {
                mail.toMember(c, to, TemplateId.RELAY, model, files.attached(), row);
                relayed++;
            }
        }
        events.save(new CaseEvent(null, c.id(), clock.instant(), sender.email().address(), "discussion",
                "passed on to " + relayed + " responders", row));
    }
}
