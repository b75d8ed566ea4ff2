package org.conductd.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conductd.mail.EmailAddress;

/**
 * The validated configuration of one deployment (SPEC §2). Built once at start-up by
 * {@link SettingsLoader}; a program holding a {@code Settings} may trust every field.
 */
public record Settings(
        String eventName,
        EmailAddress address,
        String subjectTag,
        MailServer imap,
        String imapFolder,
        MailServer smtp,
        Duration pollInterval,
        Duration idleRefresh,
        long maxMessageSize,
        String emergencyContact,
        List<TeamMember> team,
        List<EmailAddress> organizers,
        EmailAddress dsfAddress,
        EmailAddress appealsContact,
        String tokenSecret,
        List<String> trustedAuthservIds,
        String digestCron,
        ZoneId digestZone,
        int approvalsRequired,
        List<String> resolutions,
        int acknowledgementsPerHour,
        Path dataDir,
        Path templatesDir,
        Map<String, String> resolutionDescriptions,
        Duration reminderIdleAfter,
        Duration messageBudget,
        int maxMimeParts,
        int floodNewCasesPerHour,
        Duration floodSummaryEvery,
        Duration tokenMaxAge) {

    public Settings {
        team = List.copyOf(team);
        organizers = List.copyOf(organizers);
        trustedAuthservIds = List.copyOf(trustedAuthservIds);
        resolutions = List.copyOf(resolutions);
        resolutionDescriptions = Map.copyOf(resolutionDescriptions);
    }

    /** Where oversized mail is kept as files, named in raw_messages.file_name. */
    public Path oversizedDir() {
        return dataDir.resolve("oversized");
    }

    /** The roster member owning this address (roster address or alias), if any. */
    public Optional<TeamMember> member(EmailAddress address) {
        return team.stream().filter(m -> m.owns(address)).findFirst();
    }

    /**
     * The sentence that tells a reporter and a reported person what a resolution means. The
     * loader gives every configured resolution one; a name it does not know reads as its words.
     */
    public String resolutionDescription(String resolution) {
        String description = resolutionDescriptions.get(resolution);
        return description != null ? description : Resolutions.describeByName(resolution);
    }

    /** The domain used in the Message-IDs conductd issues. */
    public String messageIdDomain() {
        return address.domain().isEmpty() ? "conductd.invalid" : address.domain();
    }

    public String caseTag(long caseNumber) {
        return "[" + subjectTag + " #" + caseNumber + "]";
    }
}
