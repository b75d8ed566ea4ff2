package org.conductd.intake;

import jakarta.inject.Singleton;
import java.util.List;
import org.conductd.casework.CaseCommands;
import org.conductd.casework.MemberAnswers;
import org.conductd.commands.Problem;

/**
 * Commands that read well but that the case's state forbids, taken in order as they would
 * apply (closing a closed case, approving a draft that is not there), apply nothing either:
 * the same error mail names each, quoting the reply's line for it.
 */
@Singleton
final class CheckAgainstCase implements Step<ResponderReply> {

    private final CaseCommands commands;
    private final MemberAnswers answers;

    CheckAgainstCase(CaseCommands commands, MemberAnswers answers) {
        this.commands = commands;
        this.answers = answers;
    }

    @Override
    public Outcome handle(ResponderReply r) {
        List<Problem> problems = commands.check(r.caseRecord(), r.sender(), r.commands().commands(),
                r.message().referencedIds());
        if (problems.isEmpty()) {
            return Outcome.GO_ON;
        }
        answers.commandProblems(r.caseRecord(), r.sender(),
                problems.stream().map(p -> located(p, r.newText())).toList(), r.row());
        return Outcome.PROCESSED;
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

    private static String withoutLeadingAsterisks(String line) {
        int start = 0;
        while (start < line.length() && line.charAt(start) == '*') {
            start++;
        }
        return line.substring(start);
    }
}
