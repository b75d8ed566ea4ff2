package org.conductd.app;

import static org.conductd.app.IntakeIT.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.conductd.reports.CaseListing;
import org.conductd.store.CaseState;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Nothing reaches a reporter, reported person or the DSF without a second member (SPEC §3.5–3.7). */
class TwoPersonRuleIT extends ConductdIT {

    static final String ALICE = "alice@example.org";
    static final String BOB = "bob@example.org";
    static final String CAROL = "carol@example.org";
    static final String REPORTER = "jane@example.net";
    static final String REPORTED = "mallory@example.com";
    static final String DSF = "conduct@djangoproject.com";

    @BeforeEach
    void openACaseWithAReportedPerson() {
        mail.send(REPORTER, "Harassment at the party", "Someone kept following me.", Map.of());
        conductd.settle();
        reply(ALICE, "REPORTED: Mallory Example <" + REPORTED + ">");
    }

    void reply(String member, String text) {
        reply(member, text, idOf(mail.receivedBy(member, "case-notification").get(0)));
    }

    /** Answers the latest approval request the member got, as a mail client would. */
    void answerRequest(String member, String text) {
        List<MimeMessage> requests = mail.receivedBy(member, "approval-request");
        reply(member, text, idOf(requests.get(requests.size() - 1)));
    }

    @Nested
    class Resolving {

        @Test
        void resolutionReachesNobodyUntilASecondMemberApprovesThenBothNoticesArrive() throws Exception {
            reply(ALICE, "RESOLVE: warning\nWe spoke to the person and explained why this is not acceptable.");

            assertTrue(mail.receivedBy(REPORTER, "notice").isEmpty());
            assertTrue(mail.receivedBy(REPORTED).isEmpty());
            String request = latest(BOB, "approval-request");
            assertTrue(request.contains("D1"), request);
            assertTrue(request.contains("We spoke to the person"), "the request shows the exact text");
            assertTrue(request.contains(REPORTED), "and to whom it goes");
            assertTrue(mail.receivedBy(ALICE, "approval-request").isEmpty(), "the author is not asked");

            answerRequest(BOB, "APPROVE");

            String toReporter = latest(REPORTER, "notice");
            assertTrue(toReporter.contains("We spoke to the person"), toReporter);
            String toReported = latest(REPORTED, "notice");
            assertTrue(toReported.contains("leaders@example.org"), "the appeals contact: " + toReported);
            assertEquals(CaseState.RESOLVED, theCase().state());
            assertEquals("warning", theCase().resolution());
            assertTrue(latest(ALICE, "transcript").contains("D1"), "the author learns it was sent");
        }

        @Test
        void authorCannotApproveTheirOwnDraft() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            reply(ALICE, "APPROVE: D1");

            assertTrue(latest(ALICE, "command-error").contains("another team member must approve"));
            assertTrue(mail.receivedBy(REPORTED).isEmpty());
        }

        @Test
        void conflictedMemberCannotApprove() throws Exception {
            reply(ALICE, "RESOLVE: warning\nCONFLICT: Carol Danvers");
            reply(CAROL, "APPROVE: D1");

            String refusal = latest(CAROL, "refusal");
            assertTrue(refusal.contains("conflict of interest"), refusal);
            assertTrue(mail.receivedBy(CAROL, "approval-request").isEmpty(), "a conflicted member is not asked");
            assertTrue(mail.receivedBy(REPORTED).isEmpty());
        }

        @Test
        void memberCannotApproveInTheReplyThatDeclaresTheirConflict() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            answerRequest(BOB, "CONFLICT: me\nAPPROVE");

            String transcript = latest(BOB, "transcript");
            assertTrue(transcript.contains("Not applied") && transcript.contains("APPROVE"), transcript);
            assertTrue(conductd.bean(org.conductd.cases.CaseTeam.class).conflicted(1).contains(BOB), "the conflict applies");
            assertTrue(mail.receivedBy(REPORTED).isEmpty());
        }

        @Test
        void approvalBeforeTheSameReplysConflictDoesNotCountEither() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            answerRequest(BOB, "APPROVE\nCONFLICT: me");

            String transcript = latest(BOB, "transcript");
            assertTrue(transcript.contains("Not applied") && transcript.contains("APPROVE"), transcript);
            assertTrue(conductd.bean(org.conductd.cases.CaseTeam.class).conflicted(1).contains(BOB), "the conflict applies");
            assertTrue(mail.receivedBy(REPORTED).isEmpty(), "the approval did not count");
            assertTrue(mail.receivedBy(REPORTER, "notice").isEmpty());
            assertEquals(CaseState.OPEN, theCase().state());
        }

        @Test
        void bareApproveAnsweringTheRequestForAReplacedDraftIsRefused() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            String firstRequest = idOf(mail.receivedBy(BOB, "approval-request").get(0));
            reply(ALICE, "RESOLVE: ban");

            reply(BOB, "APPROVE", firstRequest);

            assertTrue(latest(BOB, "command-error").contains("replaced by a newer draft"));
            assertTrue(mail.receivedBy(REPORTED).isEmpty(), "the newer draft, which bob never answered, is not sent");
        }

        @Test
        void bareApproveThatAnswersNoRequestMustNameTheDraft() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            reply(BOB, "APPROVE");

            assertTrue(latest(BOB, "command-error").contains("name the draft"));
            assertTrue(mail.receivedBy(REPORTED).isEmpty());
        }

        @Test
        void approvingInTheReplyThatDraftsIsRefused() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            reply(BOB, "RESOLVE: ban\nAPPROVE: D1");

            assertTrue(latest(BOB, "command-error").contains("reply of their own"));
            assertTrue(mail.receivedBy(REPORTED).isEmpty());
        }

        @Test
        void closingTheCaseWithdrawsItsPendingDrafts() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            reply(ALICE, "CLOSE");
            answerRequest(BOB, "APPROVE");

            assertTrue(latest(BOB, "command-error").contains("closed"));
            assertTrue(mail.receivedBy(REPORTED).isEmpty());
        }

        @Test
        void reportedPersonOnTheRosterIsLeftOutOfTheirOwnCase() {
            reply(ALICE, "REPORTED: Bob Builder <bob@example.org>");
            reply(ALICE, "RESOLVE: warning");

            assertTrue(mail.receivedBy(BOB, "approval-request").isEmpty(), "bob never sees, so never approves, it");
        }

        @Test
        void correctedReportedAddressIsWhereTheNoticeGoes() throws Exception {
            reply(ALICE, "REPORTED: Mallory Example <malory@example.com>");
            reply(ALICE, "REPORTED: Mallory Example <" + REPORTED + ">");
            reply(ALICE, "RESOLVE: warning");
            answerRequest(BOB, "APPROVE");

            assertTrue(mail.receivedBy("malory@example.com").isEmpty(), "not to the mistyped address");
            assertEquals(1, mail.receivedBy(REPORTED, "notice").size());
        }

        @Test
        void approvalWithoutATokenIsRefused() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            mail.send(BOB, "Re: [CoC #1]", "APPROVE: D1", Map.of());
            conductd.settle();

            assertTrue(latest(BOB, "refusal").contains("does not answer mail"));
            assertTrue(mail.receivedBy(REPORTED).isEmpty());
        }

        @Test
        void approvingADraftAlreadySentIsRefused() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            answerRequest(BOB, "APPROVE");
            answerRequest(CAROL, "APPROVE");

            assertTrue(latest(CAROL, "command-error").contains("already sent"));
            assertEquals(1, mail.receivedBy(REPORTED, "notice").size(), "sent once");
        }

        @Test
        void rejectedDraftCannotBeApprovedAndItsAuthorIsTold() throws Exception {
            reply(ALICE, "RESOLVE: ban");
            answerRequest(BOB, "REJECT: a ban is too much for a first incident");

            assertTrue(latest(ALICE, "transcript").contains("a ban is too much"));
            answerRequest(CAROL, "APPROVE");
            assertTrue(latest(CAROL, "command-error").contains("rejected"));
            assertTrue(mail.receivedBy(REPORTED).isEmpty());
        }

        @Test
        void changedDraftNeedsANewApproval() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            reply(ALICE, "RESOLVE: no-contact");
            reply(BOB, "APPROVE: D1");

            assertTrue(latest(BOB, "command-error").contains("replaced by a newer draft"));
            assertTrue(mail.receivedBy(REPORTED).isEmpty());
        }

        @Test
        void hostileTextInADraftStaysInert() throws Exception {
            reply(ALICE, "RESOLVE: warning\n<script>alert(1)</script> [click](javascript:alert(2))");
            answerRequest(BOB, "APPROVE");

            MimeMessage notice = mail.receivedBy(REPORTER, "notice").get(0);
            String html = htmlOf(notice);
            assertFalse(html.contains("<script>"), html);
            assertFalse(html.contains("href=\"javascript:"), html);
        }
    }

    @Nested
    class Overrides {

        @Test
        void sendNowSendsWithoutASecondMemberAndTellsEveryone() throws Exception {
            reply(ALICE, "RESOLVE: leave-event");
            reply(ALICE, "SEND-NOW: D1 the reporter is in danger tonight");

            assertEquals(1, mail.receivedBy(REPORTED, "notice").size());
            assertTrue(latest(BOB, "alert").contains("the reporter is in danger tonight"));
            assertEquals(1, mail.receivedBy(CAROL, "alert").size());
            String organizers = latest("orga@example.org", "alert");
            assertTrue(organizers.contains("SEND-NOW") || organizers.contains("without a second"), organizers);
            assertFalse(organizers.contains("in danger"), "organizers get no case content");
            assertTrue(conductd.bean(CaseListing.class).record(1).orElseThrow().contains("send-now"));
        }
    }

    @Nested
    class Replies {

        @Test
        void replyToTheReporterGoesOutAfterApprovalThreadedToTheReport() throws Exception {
            reply(ALICE, "REPLY: reporter\nThank you for your report. Could you tell us when it happened?");
            assertTrue(mail.receivedBy(REPORTER, "notice").isEmpty());

            answerRequest(BOB, "APPROVE");

            MimeMessage notice = mail.receivedBy(REPORTER, "notice").get(0);
            assertTrue(body(notice).contains("Could you tell us when it happened?"));
            assertNotNull(notice.getHeader("In-Reply-To"));
        }

        @Test
        void firstMessageToTheReportedPersonInvitesTheirSide() throws Exception {
            reply(ALICE, "REPLY: reported\nPlease tell us what happened from your side.");
            answerRequest(BOB, "APPROVE");

            String notice = latest(REPORTED, "notice");
            assertTrue(notice.contains("Please tell us what happened from your side."));
            assertFalse(notice.contains(REPORTER), "the reporter is never named");
        }

        @Test
        void anonymousReportersRequestSaysSoWithoutTheirAddress() throws Exception {
            mail.send("anon@example.net", "Anonymous", "Please keep my name out.", Map.of());
            conductd.settle();
            String token = idOf(mail.receivedBy(ALICE, "case-notification").get(1));
            reply(ALICE, "REPLY: reporter\nThank you.", token);

            String request = latest(BOB, "approval-request");
            assertTrue(request.contains("the reporter (anonymous)"), request);
            assertFalse(request.contains("anon@example.net"), request);
        }
    }

    @Nested
    class DsfReport {

        @Test
        void dsfReportArrivesInTheSeedsFormatAfterApproval() throws Exception {
            reply(ALICE, "WHEN: Friday 22:00\nWHERE: the conference party\nDSF-REPORT\n"
                    + "An attendee followed another attendee around the party.");
            assertTrue(mail.receivedBy(DSF).isEmpty());

            answerRequest(BOB, "APPROVE");

            String report = latest(DSF, "dsf-report");
            assertTrue(report.contains("When: Friday 22:00"), report);
            assertTrue(report.contains("Where: the conference party"), report);
            assertTrue(report.contains("An attendee followed another attendee"), report);
            assertFalse(report.contains(REPORTER) || report.contains(REPORTED), "no names or addresses");
            assertNotNull(theCase().dsfReportedAt());
        }

        @Test
        void secondDsfReportForTheSameIncidentIsRefused() throws Exception {
            reply(ALICE, "DSF-REPORT\nWhat happened.");
            answerRequest(BOB, "APPROVE");
            reply(ALICE, "DSF-REPORT\nAgain.");

            assertTrue(latest(ALICE, "command-error").contains("one report per incident"));
        }
    }

    @Nested
    class Delivery {

        @Test
        void bouncedResolutionNoticeIsRecordedAndTheTeamIsTold() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            answerRequest(BOB, "APPROVE");
            String noticeId = mail.receivedBy(REPORTED, "notice").get(0).getMessageID();

            mail.deliverRaw(BounceIT.dsn("notice-bounce", noticeId, "failed", "5.1.1", "550 5.1.1 user unknown"));
            conductd.settle();

            String alert = mail.receivedBy(CAROL, "alert").stream()
                    .filter(m -> "alert".equals(org.conductd.support.TestMail.header(m, "X-Conductd-Kind")))
                    .map(TwoPersonRuleIT::text)
                    .filter(text -> text.contains("5.1.1")).findFirst().orElseThrow();
            assertTrue(alert.contains("the reported person"), alert);
            assertFalse(alert.contains(REPORTED), "no address in the alert");
            assertTrue(conductd.bean(CaseListing.class).record(1).orElseThrow().contains("bounced"));
        }
    }

    @Nested
    class ReportedPersonsMail {

        @Test
        void appealReachesTheTeamAndTheAppealsContact() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            answerRequest(BOB, "APPROVE");
            String noticeId = idOf(mail.receivedBy(REPORTED, "notice").get(0));

            mail.send(REPORTED, "Re: outcome", "I disagree with this decision and want it reviewed.",
                    Map.of("In-Reply-To", "<" + noticeId + ">"));
            conductd.settle();

            assertTrue(latest(CAROL, "relay").contains("I disagree with this decision"));
            String toAppealsContact = latest("leaders@example.org", "alert");
            assertTrue(toAppealsContact.contains("may be an appeal"), toAppealsContact);
            assertFalse(toAppealsContact.contains("I disagree"), "nothing of the case leaves without approval");
            assertEquals(1, mail.receivedBy(BOB, "alert").stream().filter(m -> ConductdIT.subject(m)
                    .contains("appeal")).count());
        }

        @Test
        void theAppealsContactIsToldAtMostOncePerCaseAndDay() throws Exception {
            reply(ALICE, "RESOLVE: warning");
            answerRequest(BOB, "APPROVE");
            String noticeId = idOf(mail.receivedBy(REPORTED, "notice").get(0));

            for (int i = 1; i <= 4; i++) {
                mail.send(REPORTED, "Re: outcome", "Appeal number " + i + ": I disagree with this decision.",
                        Map.of("In-Reply-To", "<" + noticeId + ">"));
                conductd.settle();
            }

            assertEquals(1, mail.receivedBy("leaders@example.org", "alert").size());
            assertTrue(latest(CAROL, "relay").contains("Appeal number 4"), "the team still reads every one");
        }

        @Test
        void reportedPersonsMailBeforeAnyOutcomeIsNoAppeal() throws Exception {
            reply(ALICE, "REPLY: reported\nPlease tell us your side.");
            answerRequest(BOB, "APPROVE");
            String noticeId = idOf(mail.receivedBy(REPORTED, "notice").get(0));

            mail.send(REPORTED, "Re: a report", "I find this appealing to discuss; here is my side.",
                    Map.of("In-Reply-To", "<" + noticeId + ">"));
            conductd.settle();

            assertTrue(latest(CAROL, "relay").contains("here is my side"));
            assertTrue(mail.receivedBy("leaders@example.org").isEmpty());
        }
    }

    static String text(MimeMessage m) {
        try {
            return body(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String htmlOf(MimeMessage m) throws Exception {
        jakarta.mail.Multipart alternative = (jakarta.mail.Multipart) m.getContent();
        return (String) alternative.getBodyPart(1).getContent();
    }
}
