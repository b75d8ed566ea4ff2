package org.conductd.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.conductd.mail.Attachment;
import org.conductd.mail.AutomaticReason;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.InboundMessage;

/**
 * Recognises mail that a program sent, which must never get an automatic reply nor execute a
 * command (SPEC §4, "No mail loops"): answering a robot invites a robot's answer, and two of
 * them answer each other forever. Each rule is one {@link AutomaticReason}, checked in the order below;
 * the first that matches is returned.
 *
 * <ul>
 *   <li>{@code Auto-Submitted} is the standard mark (RFC 3834) of mail sent by a program.</li>
 *   <li>Autoresponders that predate RFC 3834 mark their mail with headers of their own.</li>
 *   <li>{@code Precedence: bulk/junk/list} is how list servers and bulk senders have long asked
 *       not to be answered (RFC 3834 §3.1.8 honours it too).</li>
 *   <li>{@code List-Id}/{@code List-Unsubscribe}: a reply would go to a whole list.</li>
 *   <li>The null return path {@code <>} is what bounces and auto-replies are sent with, so that
 *       nothing answers them (RFC 5321 §4.5.5).</li>
 *   <li>Mailer daemons, postmasters and no-reply senders either cannot read a reply or are the
 *       bounce machinery itself; a message without a From cannot be answered safely.</li>
 *   <li>Delivery status and feedback reports ({@code multipart/report}, RFC 6522) are the mail
 *       system talking about a message, not a person talking.</li>
 * </ul>
 *
 * <p>Relies on the parser's rule that every non-text part, at any depth outside a forwarded
 * message, is kept as an attachment: that is where report parts such as
 * {@code message/delivery-status} are found.
 */
public final class AutomaticMail {


    private static final Set<String> DAEMON_LOCAL_PARTS = Set.of(
            "mailer-daemon", "mailer_daemon", "postmaster", "post_master",
            "no-reply", "no_reply", "noreply", "do-not-reply", "do_not_reply", "donotreply");

    private static final Set<String> BOUNCE_LOCAL_PARTS = Set.of(
            "mailer-daemon", "mailer_daemon", "postmaster", "post_master");

    private static final Set<String> BULK_PRECEDENCES = Set.of("bulk", "junk", "list");

    private static final Set<String> REPORT_PART_TYPES = Set.of(
            "message/delivery-status", "message/global-delivery-status",
            "message/disposition-notification", "message/global-disposition-notification",
            "message/feedback-report");

    private static final Set<String> DELIVERY_STATUS_TYPES = Set.of(
            "message/delivery-status", "message/global-delivery-status");

    /** What the subjects of plain-text bounces say, in any ASCII case. */
    private static final List<String> BOUNCE_SUBJECTS = List.of(
            "undeliver", "delivery status notification", "delivery fail", "delivery has fail", "failure notice",
            "returned mail", "mail delivery failed", "mail failed", "nondelivery", "non-delivery",
            "could not be delivered", "delivery failure", "delayed mail", "delivery delayed");

    /** The first rule the message matches, or empty when a person seems to have written it. */
    public Optional<AutomaticReason> classify(InboundMessage message) {
        if (isReport(message)) {
            return Optional.of(AutomaticReason.DELIVERY_REPORT);
        }
        if (isAutoSubmitted(message)) {
            return Optional.of(AutomaticReason.AUTO_SUBMITTED);
        }
        if (hasAutoresponderHeader(message)) {
            return Optional.of(AutomaticReason.AUTORESPONDER_HEADER);
        }
        if ("".equals(message.returnPath())) {
            return Optional.of(AutomaticReason.NULL_SENDER);
        }
        if (isFromDaemon(message.from())) {
            return Optional.of(AutomaticReason.DAEMON_SENDER);
        }
        if (hasBulkPrecedence(message)) {
            return Optional.of(AutomaticReason.BULK_PRECEDENCE);
        }
        if (isListMail(message)) {
            return Optional.of(AutomaticReason.MAILING_LIST);
        }
        return Optional.empty();
    }

    /**
     * Whether the message reports that some mail could not be delivered (or is delayed), so that
     * it can be matched to the outbound message it concerns. A delivery-status part is proof;
     * without one, old MTAs send plain-text bounces from the mailer-daemon or postmaster (or
     * with a null return path) under a recognisable subject.
     */
    public boolean isBounce(InboundMessage message) {
        if (hasPart(message, DELIVERY_STATUS_TYPES)) {
            return true;
        }
        boolean bounceSender = "".equals(message.returnPath())
                || message.from() != null && BOUNCE_LOCAL_PARTS.contains(localPart(message.from()));
        return bounceSender && AsciiText.containsAny(message.subject(), BOUNCE_SUBJECTS);
    }

    /** Any multipart/report, or a report part anywhere (some MTAs wrap it in multipart/mixed). */
    private static boolean isReport(InboundMessage message) {
        return message.mimeType().equals("multipart/report") || hasPart(message, REPORT_PART_TYPES);
    }

    /** RFC 3834: any value but "no" (case-insensitive, parameters after ";" ignored). */
    private static boolean isAutoSubmitted(InboundMessage message) {
        for (String value : message.headers("Auto-Submitted")) {
            String keyword = value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!keyword.isEmpty() && !keyword.equals("no")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAutoresponderHeader(InboundMessage message) {
        return hasLegacyAutoreplyHeader(message)
                || isAppleVacationReply(message)
                || isExchangeInboxRuleMail(message)
                || hasAutoReplyPrecedence(message);
    }

    /**
     * vacation(1), procmail recipes and many hosted autoresponders add X-Autoreply or
     * X-Autorespond (any value); some webmail adds "X-Autogenerated: Reply".
     */
    private static boolean hasLegacyAutoreplyHeader(InboundMessage message) {
        return message.header("X-Autoreply") != null
                || message.header("X-Autorespond") != null
                || valueIs(message.header("X-Autogenerated"), "reply");
    }

    /**
     * iCloud vacation replies carry no Auto-Submitted and come from the person's own address
     * with a normal return path; "X-Apple-Action: VACATION" is their only mark.
     */
    private static boolean isAppleVacationReply(InboundMessage message) {
        return valueIs(message.header("X-Apple-Action"), "vacation");
    }

    /**
     * Exchange stamps X-MS-Exchange-Inbox-Rules-Loop on mail that an inbox rule sent: out-of-office
     * replies and rule-forwarded mail alike, which is exactly where rule-to-rule loops start.
     * X-Auto-Response-Suppress is NOT a sign: Outlook puts it on ordinary mail too (it asks
     * others not to auto-reply; it says nothing about the message itself).
     */
    private static boolean isExchangeInboxRuleMail(InboundMessage message) {
        return message.header("X-MS-Exchange-Inbox-Rules-Loop") != null;
    }

    /** Some autoresponders mark themselves with the non-standard "Precedence: auto_reply". */
    private static boolean hasAutoReplyPrecedence(InboundMessage message) {
        return valueIs(message.header("Precedence"), "auto_reply");
    }

    private static boolean hasBulkPrecedence(InboundMessage message) {
        String precedence = message.header("Precedence");
        return precedence != null && BULK_PRECEDENCES.contains(precedence.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean isListMail(InboundMessage message) {
        return message.header("List-Id") != null || message.header("List-Unsubscribe") != null;
    }

    /** No From at all counts too: there is nobody to answer. A "+tag" is ignored. */
    private static boolean isFromDaemon(EmailAddress from) {
        return from == null || DAEMON_LOCAL_PARTS.contains(localPart(from));
    }

    private static String localPart(EmailAddress address) {
        String local = address.localPart();
        int plus = local.indexOf('+');
        return plus > 0 ? local.substring(0, plus) : local;
    }

    private static boolean hasPart(InboundMessage message, Set<String> types) {
        List<Attachment> attachments = message.attachments();
        for (Attachment attachment : attachments) {
            if (types.contains(attachment.contentType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean valueIs(String headerValue, String expected) {
        return headerValue != null && headerValue.strip().equalsIgnoreCase(expected);
    }
}
