package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.approval.Drafts;
import org.conductd.compose.AppealNotices;
import org.conductd.store.AuthorRole;

/**
 * Once the outcome was sent to them, what the reported person writes is an appeal, or close
 * enough that the appeals contact the notice named should know of it ({@link AppealNotices}).
 */
@Singleton
final class FlagAppeal implements Step<Delivery> {

    private final Drafts drafts;
    private final AppealNotices appeals;

    FlagAppeal(Drafts drafts, AppealNotices appeals) {
        this.drafts = drafts;
        this.appeals = appeals;
    }

    @Override
    public Outcome handle(Delivery d) {
        if (d.author().role() == AuthorRole.REPORTED
                && drafts.outcomeSentTo(d.caseRecord().id(), d.message().from().address())) {
            appeals.flag(d.caseRecord(), d.message(), d.row());
        }
        return Outcome.PROCESSED;
    }
}
