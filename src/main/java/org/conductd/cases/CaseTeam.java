package org.conductd.cases;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.store.CaseMember;
import org.conductd.store.CaseMemberRepository;
import org.conductd.store.Disposition;
import org.conductd.store.MessageRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;
import org.conductd.store.StoredMessage;

/**
 * Who on the team a case reaches: every roster member without a conflict in it. The one
 * place that decides it, so that relays, alerts and notices cannot disagree. A member who
 * joined the roster after the case opened is checked, the first time the case is looked at,
 * as the team was when it opened: a report or a REPORTED: person naming them keeps them out.
 */
@Singleton
public final class CaseTeam {

    private final Settings settings;
    private final CaseMemberRepository members;
    private final MessageRepository messages;
    private final ParticipantRepository participants;
    private final Clock clock;

    public CaseTeam(Settings settings, CaseMemberRepository members, MessageRepository messages,
                    ParticipantRepository participants, Clock clock) {
        this.settings = settings;
        this.members = members;
        this.messages = messages;
        this.participants = participants;
        this.clock = clock;
    }

    /** Roster addresses of the members conflicted in the case. */
    public Set<String> conflicted(long caseId) {
        return standing(caseId).stream().filter(CaseMember::conflicted).map(CaseMember::member)
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

    /**
     * The members conflicted because another member declared it with CONFLICT:, in roster
     * order: they still get content-free notices. Never those the report or REPORTED: names.
     */
    public List<TeamMember> declaredByOthers(long caseId) {
        Set<String> declared = standing(caseId).stream().filter(CaseMember::declaredByAnother).map(CaseMember::member)
                .collect(Collectors.toSet());
        return settings.team().stream().filter(m -> declared.contains(m.email().address())).toList();
    }

    /** The members whose conflict {@code declarer} declared, in roster order. */
    public List<TeamMember> declaredBy(long caseId, TeamMember declarer) {
        String by = declarer.email().address();
        Set<String> declared = standing(caseId).stream()
                .filter(m -> m.declaredByAnother() && by.equals(m.declaredBy())).map(CaseMember::member)
                .collect(Collectors.toSet());
        return settings.team().stream().filter(m -> declared.contains(m.email().address())).toList();
    }

    /**
     * Records or clears a conflict, creating the member's row if they joined the roster after the case opened.
     *
     * @param declaredBy the roster address of the member who declared it with CONFLICT:, or
     *                   null when the report or REPORTED: names the member
     */
    public void setConflict(long caseId, String member, boolean conflicted, String reason, String declaredBy) {
        boolean known = standing(caseId).stream().anyMatch(m -> m.member().equals(member));
        if (known) {
            members.setConflict(caseId, member, conflicted, reason, clock.instant(), conflicted ? declaredBy : null);
        } else {
            members.save(new CaseMember(null, caseId, member, conflicted, reason, clock.instant(),
                    conflicted ? declaredBy : null));
        }
    }

    /** Every roster member's standing in the case; members new to the roster are checked and recorded first. */
    private List<CaseMember> standing(long caseId) {
        List<CaseMember> rows = members.findByCaseId(caseId);
        Map<String, CaseMember> byMember = rows.stream()
                .collect(Collectors.toMap(CaseMember::member, Function.identity(), (a, b) -> a));
        List<TeamMember> newcomers = settings.team().stream()
                .filter(m -> !byMember.containsKey(m.email().address())).toList();
        if (newcomers.isEmpty()) {
            return rows;
        }
        checkNewcomers(caseId, newcomers);
        return members.findByCaseId(caseId);
    }

    /** Members who joined the roster after the case opened are left out as they would have been then. */
    private void checkNewcomers(long caseId, List<TeamMember> newcomers) {
        StringBuilder report = new StringBuilder();
        for (StoredMessage m : messages.findByCaseIdOrderById(caseId)) {
            if (m.disposition() == Disposition.REPORT) {
                report.append(m.subject() == null ? "" : m.subject()).append('\n')
                        .append(m.bodyText() == null ? "" : m.bodyText()).append('\n');
            }
        }
        List<TeamMember> named = RosterMentions.named(report.toString(), newcomers);
        Set<String> reported = participants.findByCaseIdAndRole(caseId, ParticipantRole.REPORTED).stream()
                .map(Participant::address).filter(a -> a != null).map(String::toLowerCase).collect(Collectors.toSet());
        for (TeamMember m : newcomers) {
            boolean isReported = m.allAddresses().stream().anyMatch(a -> reported.contains(a.address().toLowerCase()));
            boolean excluded = isReported || named.contains(m);
            members.save(new CaseMember(null, caseId, m.email().address(), excluded,
                    isReported ? "recorded as the reported person" : excluded ? "named in the report" : null,
                    clock.instant(), null));
        }
    }
}
