package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.access.Refusal;
import org.conductd.cases.CaseTeam;
import org.conductd.casework.MemberAnswers;

/** A member conflicted in the case changes nothing in it and is told so, with nothing of the case. */
@Singleton
final class RefuseConflicted implements Step<ResponderReply> {

    private final CaseTeam team;
    private final MemberAnswers answers;

    RefuseConflicted(CaseTeam team, MemberAnswers answers) {
        this.team = team;
        this.answers = answers;
    }

    @Override
    public Outcome handle(ResponderReply r) {
        if (!team.isConflicted(r.caseRecord().id(), r.sender())) {
            return Outcome.GO_ON;
        }
        answers.refuse(r.caseRecord(), r.sender(), r.row(), Refusal.CONFLICTED);
        return Outcome.PROCESSED;
    }
}
