package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.casework.CaseIntake;
import org.conductd.store.CaseRepository;
import org.conductd.threading.ThreadMatch;
import org.conductd.threading.Threader;

/**
 * Threads the stored message (SPEC §3.2): one that belongs to a case goes on to be filed in
 * it; any other opens a new case, which acknowledges the reporter and notifies the team.
 */
@Singleton
final class ThreadOrOpenCase implements Step<Delivery> {

    private final Threader threader;
    private final CaseRepository cases;
    private final CaseIntake intake;

    ThreadOrOpenCase(Threader threader, CaseRepository cases, CaseIntake intake) {
        this.threader = threader;
        this.cases = cases;
        this.intake = intake;
    }

    @Override
    public Outcome handle(Delivery d) {
        ThreadMatch match = threader.match(d.message());
        if (match instanceof ThreadMatch.ByReference ref) {
            d.filedIn(cases.findById(ref.caseId()).orElseThrow());
            return Outcome.GO_ON;
        }
        if (match instanceof ThreadMatch.BySubjectTag tag) {
            d.filedIn(cases.findById(tag.caseId()).orElseThrow());
            return Outcome.GO_ON;
        }
        intake.open(d.row(), d.message(), d.automatic(), d.arrival());
        return Outcome.PROCESSED;
    }
}
