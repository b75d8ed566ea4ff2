package org.conductd.ingest;

import static org.conductd.ingest.MailFixtures.parsed;
import static org.conductd.ingest.MailFixtures.parsedText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.conductd.mail.AutomaticReason;
import org.conductd.mail.InboundMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AutomaticMailTest {

    private final AutomaticMail automaticMail = new AutomaticMail();

    private Optional<AutomaticReason> classify(InboundMessage message) {
        return automaticMail.classify(message);
    }

    @Nested
    class PeopleWritingMail {

        @Test
        void plainReportIsNotAutomatic() {
            assertEquals(Optional.empty(), classify(parsed("plain-report")));
        }

        @Test
        void ordinaryOutlookMailWithAutoResponseSuppressIsNotAutomatic() {
            assertEquals(Optional.empty(), classify(parsed("ordinary-outlook-mail")));
        }

        @Test
        void autoSubmittedNoIsNotAutomatic() {
            assertEquals(Optional.empty(), classify(parsedText("From: a@example.org\nAuto-Submitted: No\n\nx\n")));
        }

        @Test
        void plainReportIsNotABounce() {
            assertFalse(automaticMail.isBounce(parsed("plain-report")));
        }
    }

    @Nested
    class Rules {

        @Test
        void vacationAutoReplyIsAutoSubmitted() {
            assertEquals(Optional.of(AutomaticReason.AUTO_SUBMITTED), classify(parsed("vacation-auto-reply")));
        }

        @Test
        void autoSubmittedWithParametersCounts() {
            assertEquals(Optional.of(AutomaticReason.AUTO_SUBMITTED),
                    classify(parsedText("From: a@example.org\nAuto-Submitted: auto-generated (failure)\n\nx\n")));
        }

        @Test
        void xAutoreplyHeaderIsAnAutoresponder() {
            assertEquals(Optional.of(AutomaticReason.AUTORESPONDER_HEADER),
                    classify(parsedText("From: a@example.org\nX-Autoreply: yes\n\nx\n")));
        }

        @Test
        void xAutorespondHeaderIsAnAutoresponder() {
            assertEquals(Optional.of(AutomaticReason.AUTORESPONDER_HEADER),
                    classify(parsedText("From: a@example.org\nX-Autorespond: on vacation\n\nx\n")));
        }

        @Test
        void appleVacationReplyIsAnAutoresponder() {
            assertEquals(Optional.of(AutomaticReason.AUTORESPONDER_HEADER),
                    classify(parsedText("From: a@example.org\nX-Apple-Action: VACATION\n\nx\n")));
        }

        @Test
        void exchangeInboxRuleMailIsAnAutoresponder() {
            assertEquals(Optional.of(AutomaticReason.AUTORESPONDER_HEADER), classify(parsedText(
                    "From: a@example.org\nX-MS-Exchange-Inbox-Rules-Loop: a@example.org\n\nx\n")));
        }

        @Test
        void bulkNewsletterHasBulkPrecedence() {
            assertEquals(Optional.of(AutomaticReason.BULK_PRECEDENCE), classify(parsed("bulk-newsletter")));
        }

        @Test
        void junkAndListPrecedenceCountToo() {
            for (String value : List.of("junk", "List")) {
                assertEquals(Optional.of(AutomaticReason.BULK_PRECEDENCE),
                        classify(parsedText("From: a@example.org\nPrecedence: " + value + "\n\nx\n")));
            }
        }

        @Test
        void listMailIsMailingList() {
            assertEquals(Optional.of(AutomaticReason.MAILING_LIST), classify(parsed("list-mail")));
        }

        @Test
        void listUnsubscribeAloneIsMailingList() {
            assertEquals(Optional.of(AutomaticReason.MAILING_LIST),
                    classify(parsedText("From: a@example.org\nList-Unsubscribe: <mailto:x@example.org>\n\nx\n")));
        }

        @Test
        void nullReturnPathIsNullSender() {
            assertEquals(Optional.of(AutomaticReason.NULL_SENDER), classify(parsed("null-return-path")));
        }

        @Test
        void daemonAndNoReplySendersAreDaemonSenders() {
            for (String local : List.of("MAILER-DAEMON", "postmaster", "Post_Master", "no-reply",
                    "NoReply", "do-not-reply", "donotreply", "noreply+1234")) {
                assertEquals(Optional.of(AutomaticReason.DAEMON_SENDER),
                        classify(parsedText("From: " + local + "@example.org\n\nx\n")), local);
            }
        }

        @Test
        void messageWithoutFromIsDaemonSender() {
            InboundMessage parsed = parsed("plain-report");
            InboundMessage withoutFrom = new InboundMessage(parsed.messageId(), null, parsed.replyTo(),
                    parsed.to(), parsed.cc(), parsed.returnPath(), parsed.subject(), parsed.date(),
                    parsed.inReplyTo(), parsed.references(), parsed.text(), parsed.textFromHtml(), parsed.html(),
                    parsed.attachments(), parsed.headers(), parsed.contentType());
            assertEquals(Optional.of(AutomaticReason.DAEMON_SENDER), classify(withoutFrom));
        }

        @Test
        void deliveryStatusNotificationIsDeliveryReport() {
            assertEquals(Optional.of(AutomaticReason.DELIVERY_REPORT), classify(parsed("dsn-bounce-from-mailer-daemon")));
        }

        @Test
        void reportPartInsideMultipartMixedIsDeliveryReport() {
            InboundMessage message = parsedText("""
                    From: someone@example.org
                    Content-Type: multipart/mixed; boundary=b

                    --b
                    Content-Type: text/plain

                    Delivery failed.
                    --b
                    Content-Type: message/delivery-status

                    Action: failed
                    --b--
                    """);
            assertEquals(Optional.of(AutomaticReason.DELIVERY_REPORT), classify(message));
        }
    }

    @Nested
    class Bounces {

        @Test
        void deliveryStatusNotificationIsABounce() {
            assertTrue(automaticMail.isBounce(parsed("dsn-bounce-from-mailer-daemon")));
        }

        @Test
        void plainTextBounceFromMailerDaemonIsABounce() {
            assertTrue(automaticMail.isBounce(parsedText(
                    "From: MAILER-DAEMON@mx.example.org\nSubject: failure notice\n\nSorry.\n")));
        }

        @Test
        void undeliverableFromPostmasterIsABounce() {
            assertTrue(automaticMail.isBounce(parsedText(
                    "From: postmaster@example.org\nSubject: Undeliverable: Your report\n\nSorry.\n")));
        }

        @Test
        void delayWarningFromMailerDaemonIsABounce() {
            assertTrue(automaticMail.isBounce(parsedText(
                    "From: MAILER-DAEMON@mx.example.org\nSubject: Delayed Mail (still being retried)\n\nWait.\n")));
        }

        @Test
        void vacationReplyIsNotABounce() {
            assertFalse(automaticMail.isBounce(parsed("vacation-auto-reply")));
        }

        @Test
        void noReplySenderWithFailureSubjectIsNotABounce() {
            assertFalse(automaticMail.isBounce(parsedText(
                    "From: noreply@shop.example.com\nSubject: Payment failure notice\n\nPay now.\n")));
        }

        @Test
        void feedbackReportIsAutomaticButNotABounce() {
            InboundMessage message = parsedText("""
                    From: feedback@isp.example.com
                    Content-Type: multipart/report; report-type=feedback-report; boundary=b

                    --b
                    Content-Type: text/plain

                    A complaint.
                    --b
                    Content-Type: message/feedback-report

                    Feedback-Type: abuse
                    --b--
                    """);
            assertEquals(Optional.of(AutomaticReason.DELIVERY_REPORT), classify(message));
            assertFalse(automaticMail.isBounce(message));
        }
    }
}
