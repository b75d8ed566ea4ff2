package org.conductd.casework;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.conductd.config.TeamMember;
import org.conductd.store.CaseRecord;
import org.conductd.store.CaseState;

/**
 * The case as a reply's commands, taken in order, would leave it: checking a command may
 * change it, so that each later command of the reply is checked against what the earlier ones did.
 */
final class WorkingCopy {
    final CaseRecord c;
    final TeamMember sender;
    final List<String> referencedIds;
    final Set<String> conflicted;
    CaseState state;
    boolean reporterAddress;
    boolean reportedAddress;
    final boolean replyDrafts;
    final Set<Long> decided = new HashSet<>();

    WorkingCopy(CaseRecord c, TeamMember sender, List<String> referencedIds, Set<String> conflicted,
                boolean reporterAddress, boolean reportedAddress, boolean replyDrafts) {
        this.c = c;
        this.sender = sender;
        this.referencedIds = referencedIds;
        this.conflicted = new HashSet<>(conflicted);
        this.state = c.state();
        this.reporterAddress = reporterAddress;
        this.reportedAddress = reportedAddress;
        this.replyDrafts = replyDrafts;
    }
}
