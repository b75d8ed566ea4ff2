package org.conductd.outbound;

import java.util.HashMap;
import java.util.Map;
import org.conductd.mail.MailKind;

/**
 * Every template conductd sends from, with the kind of mail it makes ({@code X-Conductd-Kind})
 * and the record of {@link TemplateModel} it is given. Its file is
 * {@code mail-templates/<name>.md}; the start-up check renders each of them, so a team's
 * broken edit stops the program before any mail needs it.
 */
public enum TemplateId {
    ACK("ack", MailKind.ACK, TemplateModel.Ack.class),
    CASE_NOTIFICATION("case-notification", MailKind.CASE_NOTIFICATION, TemplateModel.CaseNotification.class),
    RELAY("relay", MailKind.RELAY, TemplateModel.Relay.class),
    MEMBER_EXCLUDED("member-excluded", MailKind.ALERT, TemplateModel.MemberExcluded.class),
    NOBODY_NOTIFIED("nobody-notified", MailKind.ALERT, TemplateModel.NobodyNotified.class),
    QUARANTINE_NOTICE("quarantine-notice", MailKind.QUARANTINE_NOTICE, TemplateModel.QuarantineNotice.class),
    TRANSCRIPT("transcript", MailKind.TRANSCRIPT, TemplateModel.Transcript.class),
    COMMAND_ERROR("command-error", MailKind.COMMAND_ERROR, TemplateModel.CommandError.class),
    REFUSAL("refusal", MailKind.REFUSAL, TemplateModel.Refusal.class),
    STATUS("status", MailKind.TRANSCRIPT, TemplateModel.Status.class),
    HELP("help", MailKind.TRANSCRIPT, TemplateModel.Help.class),
    URGENT_ALERT("urgent-alert", MailKind.ALERT, TemplateModel.UrgentAlert.class),
    PATTERN_NOTICE("pattern-notice", MailKind.ALERT, TemplateModel.PatternNotice.class),
    RESOLUTION_REPORTER("resolution-reporter", MailKind.NOTICE, TemplateModel.ResolutionReporter.class),
    RESOLUTION_REPORTED("resolution-reported", MailKind.NOTICE, TemplateModel.ResolutionReported.class),
    COMPLAINT_NOTICE("complaint-notice", MailKind.NOTICE, TemplateModel.ComplaintNotice.class),
    REPLY_REPORTED("reply-reported", MailKind.NOTICE, TemplateModel.ReplyReported.class),
    REPLY_REPORTER("reply-reporter", MailKind.NOTICE, TemplateModel.ReplyReporter.class),
    DSF_REPORT("dsf-report", MailKind.DSF_REPORT, TemplateModel.DsfReport.class),
    APPROVAL_REQUEST("approval-request", MailKind.APPROVAL_REQUEST, TemplateModel.ApprovalRequest.class),
    DRAFT_REJECTED("draft-rejected", MailKind.TRANSCRIPT, TemplateModel.DraftRejected.class),
    DRAFT_SENT("draft-sent", MailKind.TRANSCRIPT, TemplateModel.DraftSent.class),
    SEND_NOW_ALERT("send-now-alert", MailKind.ALERT, TemplateModel.SendNowAlert.class),
    APPEAL_NOTICE("appeal-notice", MailKind.ALERT, TemplateModel.AppealNotice.class),
    APPEAL_ALERT("appeal-alert", MailKind.ALERT, TemplateModel.AppealAlert.class),
    DELIVERY_FAILURE("delivery-failure", MailKind.ALERT, TemplateModel.DeliveryFailure.class),
    DIGEST("digest", MailKind.DIGEST, TemplateModel.Digest.class),
    REMINDER("reminder", MailKind.REMINDER, TemplateModel.Reminder.class),
    CONFLICT_DECLARED("conflict-declared", MailKind.ALERT, TemplateModel.ConflictDeclared.class),
    TEAM_SILENCED("team-silenced", MailKind.ALERT, TemplateModel.TeamSilenced.class),
    FLOOD_SUMMARY("flood-summary", MailKind.CASE_NOTIFICATION, TemplateModel.FloodSummary.class);

    private static final Map<Class<? extends TemplateModel>, TemplateId> BY_MODEL = new HashMap<>();

    static {
        for (TemplateId template : values()) {
            BY_MODEL.put(template.model, template);
        }
    }

    private final String fileName;
    private final MailKind kind;
    private final Class<? extends TemplateModel> model;

    TemplateId(String fileName, MailKind kind, Class<? extends TemplateModel> model) {
        this.fileName = fileName;
        this.kind = kind;
        this.model = model;
    }

    /** The template a model record fills. */
    public static TemplateId of(Class<? extends TemplateModel> model) {
        TemplateId template = BY_MODEL.get(model);
        if (template == null) {
            throw new IllegalArgumentException("no template is given " + model.getName());
        }
        return template;
    }

    /** The template's name, its file's without {@code .md}. */
    public String fileName() {
        return fileName;
    }

    /** What the mail it makes is. */
    public MailKind kind() {
        return kind;
    }

    /** The record the template is given. */
    public Class<? extends TemplateModel> model() {
        return model;
    }
}
