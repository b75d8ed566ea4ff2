package org.conductd.outbound;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.store.CaseRecord;
import org.conductd.store.MessageRepository;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;
import org.conductd.store.ReporterIdentity;

/**
 * The {@link ReporterScrubber} for text about a case: for an anonymous case, every name and
 * address its reporter is recorded under or wrote from (a second address recorded with
 * {@code REPORTER:} included), with the roster and the conduct address kept; for any other
 * case, {@link ReporterScrubber#NONE}. Read in the caller's transaction, so a reporter
 * recorded a moment ago counts.
 */
@Singleton
public final class ReporterIdentities {

    private final Settings settings;
    private final ParticipantRepository participants;
    private final MessageRepository messages;

    public ReporterIdentities(Settings settings, ParticipantRepository participants, MessageRepository messages) {
        this.settings = settings;
        this.participants = participants;
        this.messages = messages;
    }

    public ReporterScrubber scrubberFor(CaseRecord c) {
        if (!c.anonymous()) {
            return ReporterScrubber.NONE;
        }
        ReporterScrubber.Builder builder = withTheTeamKept();
        participants.findByCaseIdAndRole(c.id(), ParticipantRole.REPORTER)
                .forEach(p -> builder.reporterName(p.name()).reporterAddress(p.address()));
        messages.findReporterIdentities(c.id()).forEach(i -> builder.reporterName(i.name()).reporterAddress(i.address()));
        return builder.build();
    }

    /** The scrubber of every anonymous case, by case number: two queries, for reports over all cases. */
    public Map<Long, ReporterScrubber> ofAnonymousCases() {
        Map<Long, ReporterScrubber.Builder> builders = new HashMap<>();
        for (List<ReporterIdentity> found : List.of(participants.findReporterIdentitiesOfAnonymousCases(),
                messages.findReporterIdentitiesOfAnonymousCases())) {
            for (ReporterIdentity i : found) {
                builders.computeIfAbsent(i.caseId(), id -> withTheTeamKept()).reporterName(i.name())
                        .reporterAddress(i.address());
            }
        }
        Map<Long, ReporterScrubber> scrubbers = new HashMap<>();
        builders.forEach((id, builder) -> scrubbers.put(id, builder.build()));
        return scrubbers;
    }

    private ReporterScrubber.Builder withTheTeamKept() {
        ReporterScrubber.Builder builder = ReporterScrubber.builder().keepAddress(settings.address().address());
        for (TeamMember m : settings.team()) {
            builder.keepName(m.name());
            m.allAddresses().stream().map(EmailAddress::address).forEach(builder::keepAddress);
        }
        return builder;
    }
}
