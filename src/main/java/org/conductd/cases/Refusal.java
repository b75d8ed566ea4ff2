package org.conductd.cases;

import org.conductd.config.Settings;
import org.conductd.outbound.TemplateId;

/**
 * Every reason conductd refuses a team member's mail to a case, and what the member is told:
 * the refusal's text, the template it goes out in, and whether it adds the hint to answer
 * conductd's own mail. Every answer counts against the member's hourly share of automatic
 * answers ({@link ResponderMail}), so a forger cannot make conductd write without limit; the
 * mail itself is kept and flagged whatever the reason.
 */
enum Refusal {
    /** The member is conflicted in the case; the answer carries nothing of it (SPEC §3.5). */
    CONFLICTED("you have a conflict of interest in this case", false),
    /** The reply answers mail conductd sent to someone else on the team. */
    ANSWERS_ANOTHER_MEMBERS_MAIL("it answers mail that conductd sent to another team member", true),
    /** The reply answers no mail conductd sent this member about the case. */
    ANSWERS_NO_CASE_MAIL("it does not answer mail that conductd sent you about this case", true),
    /** The trusted server's DMARC verdict on the sender did not pass. */
    SENDER_CHECK_FAILED("your mail provider's check of the sender (DMARC) did not pass", true),
    /** The reply answers only mail older than {@code security.token-max-age}; STATUS, HELP and REOPEN still work. */
    ANSWERS_OLD_MAIL("it answers mail conductd sent you more than %d days ago; answer this mail instead", false);

    private final String text;
    private final boolean hint;

    Refusal(String text, boolean hint) {
        this.text = text;
        this.hint = hint;
    }

    /** What the member is told, in words. */
    String reason(Settings settings) {
        return this == ANSWERS_OLD_MAIL ? text.formatted(settings.tokenMaxAge().toDays()) : text;
    }

    /** Whether the answer reminds the member to reply to conductd's own mail about the case. */
    boolean hint() {
        return hint;
    }

    /** The template every refusal goes out in. */
    TemplateId template() {
        return TemplateId.REFUSAL;
    }
}
