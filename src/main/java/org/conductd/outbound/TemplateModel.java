package org.conductd.outbound;

import java.util.List;

/**
 * What every template is given: one record per template, named for it, whose components are
 * the values its placeholders read. Mail about a case ({@link AboutCase}) also gets the
 * case's {@link CaseValues}, which {@code compose.CaseMail} adds; the other models carry all
 * they show. A section over a list reads the components of the row records at the end of
 * this file. Components are text, numbers, flags, rows and lists of rows only, so that every
 * text a mail shows passes through the one walk that turns a model into template values
 * (where an anonymous reporter is taken out of it); the name {@code quote} is reserved.
 */
public sealed interface TemplateModel {

    /** The template this model fills. */
    default TemplateId template() {
        return TemplateId.of(getClass());
    }

    /** A model of mail about one case, rendered with the case's {@link CaseValues}. */
    sealed interface AboutCase extends TemplateModel {
    }

    /**
     * The values every mail about a case gets besides its model.
     *
     * @param memberName the team member the mail goes to, or null for mail to anyone else
     */
    record CaseValues(String tag, long caseNumber, String codeName, String eventName, String teamAddress,
                      String memberName) {
    }

    /** The acknowledgement to a reporter. */
    record Ack(String originalSubject, String emergencyContact) implements AboutCase {
    }

    /** A new report, to each responder it reaches. */
    record CaseNotification(String reporterLine, String takenBy, String receivedAt, String originalSubject,
                            boolean anonymous, String automaticReason, String reportText,
                            List<ListedFile> attachments, boolean attached, boolean withheld,
                            List<LeftOut> excluded) implements AboutCase {
    }

    /** Someone's message to a case, passed on to the responders. */
    record Relay(String authorRole, String authorLine, String receivedAt, boolean newParticipant, String text,
                 List<ListedFile> attachments, boolean attached, boolean withheld) implements AboutCase {
    }

    /** To the responders: the report names members of the team, who are left out. */
    record MemberExcluded(List<LeftOut> excluded) implements AboutCase {
    }

    /** The report names every responder: an alert without its content. */
    record NobodyNotified() implements AboutCase {
    }

    /** Quarantined mail since the last notice, to every responder; about no case. */
    record QuarantineNotice(int count, List<QuarantinedMessage> items) implements TemplateModel {
    }

    /** What a member's reply changed. */
    record Transcript(List<Line> changes) implements AboutCase {
    }

    /** Every bad line of a member's reply, of which nothing was applied. */
    record CommandError(int count, List<BadLine> problems) implements AboutCase {
    }

    /** A member's mail was refused. */
    record Refusal(String reason, boolean hint) implements AboutCase {
    }

    /** STATUS: the case record. */
    record Status(String record) implements AboutCase {
    }

    /** HELP: the command reference. */
    record Help(String help) implements AboutCase {
    }

    /** A case was marked urgent: to the team, and content-free to the organizers. */
    record UrgentAlert(String actorName, boolean forTeam) implements AboutCase {
    }

    /** Earlier cases name the reported person. */
    record PatternNotice(int count, List<EarlierCase> earlier) implements AboutCase {
    }

    /** The outcome, to the reporter (a draft). */
    record ResolutionReporter(String originalSubject, String resolutionDescription, String explanation,
                              String apology) implements AboutCase {
    }

    /** The outcome, to the reported person (a draft). */
    record ResolutionReported(String reportedName, String resolutionDescription, String explanation,
                              String appealsContact) implements AboutCase {
    }

    /** The team's first mail to the reported person (a draft). */
    record ComplaintNotice(String reportedName, String text) implements AboutCase {
    }

    /** The team's later mail to the reported person (a draft). */
    record ReplyReported(String text) implements AboutCase {
    }

    /** The team's mail to the reporter (a draft). */
    record ReplyReporter(String originalSubject, String text) implements AboutCase {
    }

    /** The incident report to the DSF (a draft). */
    record DsfReport(String when, String where, String narrative, String actionsTaken) implements AboutCase {
    }

    /** A draft's exact messages, to the members who may approve it. */
    record ApprovalRequest(String draftId, String authorName, String what, List<DraftedMessage> messages,
                           int approvalsNeeded) implements AboutCase {
    }

    /** To a draft's author: it was rejected. */
    record DraftRejected(String draftId, String what, String rejecterName, String reason) implements AboutCase {
    }

    /** To a draft's author and approvers: it went out, and to whom. */
    record DraftSent(String draftId, String what, String approverNames, String recipientsLine) implements AboutCase {
    }

    /** A draft was sent with SEND-NOW: to the team, and content-free to conflicted members and organizers. */
    record SendNowAlert(String draftId, String what, String actorName, String reason, boolean forTeam,
                        boolean forConflicted) implements AboutCase {
    }

    /** To the appeals contact: the reported person wrote after the outcome, without what they wrote. */
    record AppealNotice(String reportedLine) implements AboutCase {
    }

    /** To the responders: the reported person's message looks like an appeal. */
    record AppealAlert(String reportedLine) implements AboutCase {
    }

    /** Mail of the case bounced. */
    record DeliveryFailure(String mailKind, String recipientLine, String status, String detail, String when)
            implements AboutCase {
    }

    /** The weekly digest to the organizers; about no one case. */
    record Digest(String eventName, String periodStart, String periodEnd, long newCount, long openCount,
                  long resolvedCount, long closedCount, List<Line> overdue, List<OpenCase> cases)
            implements TemplateModel {
    }

    /** A case nobody acted on, or whose drafts wait for approval. */
    record Reminder(boolean idle, long idleDays, List<WaitingDraft> drafts) implements AboutCase {
    }

    /** Content-free, to a member another member declared conflicted. */
    record ConflictDeclared(String actorName) implements AboutCase {
    }

    /** Content-free: one member declared every other one conflicted. */
    record TeamSilenced(String actorName, boolean forOrganizer) implements AboutCase {
    }

    /** During a flood of reports, the new cases a responder may see; about no one case. */
    record FloodSummary(String eventName, String teamAddress, int count, int perHour, List<NewCase> cases)
            implements TemplateModel {
    }

    /** A file of a message, as listed: its name and its size in words. */
    record ListedFile(String name, String size) {
    }

    /** A team member left out of a case because the report names them. */
    record LeftOut(String name) {
    }

    /** One line of a list. */
    record Line(String line) {
    }

    /** A line of a member's reply that was not applied, and why. */
    record BadLine(String where, String line, String reason, String choices) {
    }

    /** An earlier case that names the same reported person. */
    record EarlierCase(long caseNumber, String codeName, String state, String openedAt) {
    }

    /** One message of a draft, exactly as it would be sent. */
    record DraftedMessage(String to, String subject, String text) {
    }

    /** A quarantined message, without its sender or subject. */
    record QuarantinedMessage(String receivedAt, String size, String reason) {
    }

    /** A case not yet closed, as the digest lists it. */
    record OpenCase(long caseNumber, String codeName, String state, String severity, String lead, long ageDays,
                    long idleDays, int pendingApprovals) {
    }

    /** A draft waiting for approval, as a reminder lists it. */
    record WaitingDraft(String draftId, String what, long waitingDays) {
    }

    /** A new case in a flood summary. */
    record NewCase(String tag, String codeName, String receivedAt, String reporterLine, String subject) {
    }
}
