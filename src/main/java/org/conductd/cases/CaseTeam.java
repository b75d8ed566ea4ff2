package org.conductd.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.store.CaseMember;
import org.conductd.store.CaseMemberRepository;

/**
 * Who on the team a case reaches: every roster member without a conflict in it. The one
 * place that decides it, so that relays, alerts and notices cannot disagree. A member who
 * joined the roster after the case opened has no row yet and counts as not conflicted.
 */
@Singleton
public final class CaseTeam {

    private final Settings settings;
    private final CaseMemberRepository members;
    private final Clock clock;

    public CaseTeam(Settings settings, CaseMemberRepository members, Clock clock) {
        this.settings = settings;
        this.members = members;
        this.clock = clock;
    }

    /** Roster addresses of the members conflicted in the case. */
    public Set<String> conflicted(long caseId) {
        return members.findByCaseId(caseId).stream().filter(CaseMember::conflicted).map(CaseMember::member)
                .collect(Collectors.toSet());
    }

    public boolean isConflicted(long caseId, TeamMember member) {
        return conflicted(caseId).contains(member.email().address());
    }

    /** Everyone the case's mail may reach, in roster order. */
    public List<TeamMember> reachable(long caseId) {
        Set<String> conflicted = conflicted(caseId);
        return settings.team().stream().filter(m -> !conflicted.contains(m.email().address())).toList();
    }

    /** Records or clears a conflict, creating the member's row if they joined the roster after the case opened. */
    public void setConflict(long caseId, String member, boolean conflicted, String reason) {
        boolean known = members.findByCaseId(caseId).stream().anyMatch(m -> m.member().equals(member));
        if (known) {
            members.setConflict(caseId, member, conflicted, reason, clock.instant());
        } else {
            members.save(new CaseMember(null, caseId, member, conflicted, reason, clock.instant()));
        }
    }
}
