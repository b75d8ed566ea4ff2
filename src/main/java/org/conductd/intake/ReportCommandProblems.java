package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.casework.MemberAnswers;
import org.conductd.commands.ParseResult;

/** A reply with a line that is not a valid command applies nothing: one mail names every bad line. */
@Singleton
final class ReportCommandProblems implements Step<ResponderReply> {

    private final MemberAnswers answers;

    ReportCommandProblems(MemberAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Outcome handle(ResponderReply r) {
        if (!(r.parsed() instanceof ParseResult.Problems problems)) {
            return Outcome.GO_ON;
        }
        answers.commandProblems(r.caseRecord(), r.sender(), problems.problems(), r.row());
        return Outcome.PROCESSED;
    }
}
