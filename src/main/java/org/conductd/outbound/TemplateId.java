package org.conductd.outbound;

import org.conductd.mail.MailKind;

/**
 * Every template conductd sends from, with the kind of mail it makes ({@code X-Conductd-Kind}).
 * Its file is {@code mail-templates/<name>.md}; the start-up check renders each of them, so a
 * team's broken edit stops the program before any mail needs it.
 */
public enum TemplateId {
    ACK("ack", MailKind.ACK),
    CASE_NOTIFICATION("case-notification", MailKind.CASE_NOTIFICATION),
    RELAY("relay", MailKind.RELAY),
    MEMBER_EXCLUDED("member-excluded", MailKind.ALERT),
    NOBODY_NOTIFIED("nobody-notified", MailKind.ALERT),
    QUARANTINE_NOTICE("quarantine-notice", MailKind.QUARANTINE_NOTICE),
    TRANSCRIPT("transcript", MailKind.TRANSCRIPT),
    COMMAND_ERROR("command-error", MailKind.COMMAND_ERROR),
    REFUSAL("refusal", MailKind.REFUSAL),
    STATUS("status", MailKind.TRANSCRIPT),
    HELP("help", MailKind.TRANSCRIPT),
    URGENT_ALERT("urgent-alert", MailKind.ALERT),
    PATTERN_NOTICE("pattern-notice", MailKind.ALERT),
    RESOLUTION_REPORTER("resolution-reporter", MailKind.NOTICE),
    RESOLUTION_REPORTED("resolution-reported", MailKind.NOTICE),
    COMPLAINT_NOTICE("complaint-notice", MailKind.NOTICE),
    REPLY_REPORTED("reply-reported", MailKind.NOTICE),
    REPLY_REPORTER("reply-reporter", MailKind.NOTICE),
    DSF_REPORT("dsf-report", MailKind.DSF_REPORT),
    APPROVAL_REQUEST("approval-request", MailKind.APPROVAL_REQUEST),
    DRAFT_REJECTED("draft-rejected", MailKind.TRANSCRIPT),
    DRAFT_SENT("draft-sent", MailKind.TRANSCRIPT),
    SEND_NOW_ALERT("send-now-alert", MailKind.ALERT),
    APPEAL_NOTICE("appeal-notice", MailKind.ALERT),
    APPEAL_ALERT("appeal-alert", MailKind.ALERT),
    DELIVERY_FAILURE("delivery-failure", MailKind.ALERT),
    DIGEST("digest", MailKind.DIGEST),
    REMINDER("reminder", MailKind.REMINDER),
    CONFLICT_DECLARED("conflict-declared", MailKind.ALERT),
    TEAM_SILENCED("team-silenced", MailKind.ALERT),
    FLOOD_SUMMARY("flood-summary", MailKind.CASE_NOTIFICATION);

    private final String fileName;
    private final MailKind kind;

    TemplateId(String fileName, MailKind kind) {
        this.fileName = fileName;
        this.kind = kind;
    }

    /** The template's name, its file's without {@code .md}. */
    public String fileName() {
        return fileName;
    }

    /** What the mail it makes is. */
    public MailKind kind() {
        return kind;
    }
}
