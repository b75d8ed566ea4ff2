package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.access.CommandAuthentication;
import org.conductd.access.Refusal;
import org.conductd.casework.MemberAnswers;
import org.conductd.commands.Command;
import org.conductd.commands.ParseResult;

/**
 * Only a reply that answers the member's own case mail, with a token young enough and a
 * sender check that passed, acts on the case ({@link CommandAuthentication}). Any other is
 * refused as the refusal table says, except that STATUS and HELP alone are still answered,
 * to the roster address only; an answer to old mail may still discuss, and ask for STATUS,
 * HELP or REOPEN.
 */
@Singleton
final class Authenticate implements Step<ResponderReply> {

    private final CommandAuthentication authentication;
    private final MemberAnswers answers;

    Authenticate(CommandAuthentication authentication, MemberAnswers answers) {
        this.authentication = authentication;
        this.answers = answers;
    }

    @Override
    public Outcome handle(ResponderReply r) {
        CommandAuthentication.Verdict verdict = authentication.check(r.caseRecord().id(), r.sender(), r.message());
        if (verdict instanceof CommandAuthentication.Verdict.Refused refused) {
            if (onlyStatusOrHelp(r.parsed())) {
                answers.statusOrHelp(r.caseRecord(), r.sender(), r.commands().commands(), r.row());
            } else {
                answers.refuse(r.caseRecord(), r.sender(), r.row(), refused.refusal());
            }
            return Outcome.PROCESSED;
        }
        if (verdict instanceof CommandAuthentication.Verdict.Expired && !stillAllowedWhenExpired(r.parsed())) {
            answers.refuse(r.caseRecord(), r.sender(), r.row(), Refusal.ANSWERS_OLD_MAIL);
            return Outcome.PROCESSED;
        }
        return Outcome.GO_ON;
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
}
