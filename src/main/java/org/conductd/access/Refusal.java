package org.conductd.access;

import org.conductd.config.Settings;
import org.conductd.outbound.TemplateModel;

/**
 * The refusal table: every reason conductd refuses a team member's mail to a case, and what
 * the member is told. Each row gives the refusal's text, whether it adds the hint to answer
 * conductd's own mail, and how it is answered. Every answer goes out in the refusal template
 * ({@link TemplateModel.Refusal}) and counts against the member's hourly share of
 * automatic answers ({@link org.conductd.cases.AnswerLimits#memberShareSpent}), so a forger
 * cannot make conductd write without limit; past that share nothing is answered. Whatever the
 * reason, the mail is kept, flagged and left unrelayed, and nothing in the case changes
 * ({@link org.conductd.casework.MemberAnswers#refuse}).
 */
public enum Refusal {
    /** The member is conflicted in the case. */
    CONFLICTED("you have a conflict of interest in this case", false, Answer.CONTENT_FREE),
    /** The reply answers mail conductd sent to someone else on the team. */
    ANSWERS_ANOTHER_MEMBERS_MAIL("it answers mail that conductd sent to another team member", true,
            Answer.ABOUT_THE_CASE),
    /** The reply answers no mail conductd sent this member about the case. */
    ANSWERS_NO_CASE_MAIL("it does not answer mail that conductd sent you about this case", true,
            Answer.ABOUT_THE_CASE),
    /** The trusted server's DMARC verdict on the sender did not pass. */
    SENDER_CHECK_FAILED("your mail provider's check of the sender (DMARC) did not pass", true, Answer.ABOUT_THE_CASE),
    /**
     * The reply answers only mail older than {@code security.token-max-age}; STATUS, HELP and
     * REOPEN still work. The refusal carries a fresh token in its own Message-ID: answering it works.
     */
    ANSWERS_OLD_MAIL("it answers mail conductd sent you more than %d days ago; answer this mail instead", false,
            Answer.ABOUT_THE_CASE);

    /** How a refusal reaches the member. */
    public enum Answer {
        /** In the member's thread of the case, with the case's number, code name and tag. */
        ABOUT_THE_CASE,
        /** A one-line refusal carrying nothing of the case (SPEC §3.5), so it still reaches a conflicted member. */
        CONTENT_FREE
    }

    private final String text;
    private final boolean hint;
    private final Answer answer;

    Refusal(String text, boolean hint, Answer answer) {
        this.text = text;
        this.hint = hint;
        this.answer = answer;
    }

    /** What the member is told, in words. */
    public String reason(Settings settings) {
        return this == ANSWERS_OLD_MAIL ? text.formatted(settings.tokenMaxAge().toDays()) : text;
    }

    /** Whether the answer reminds the member to reply to conductd's own mail about the case. */
    public boolean hint() {
        return hint;
    }

    /** How the refusal reaches the member. */
    public Answer answer() {
        return answer;
    }

    /** What the member's answer is given: the reason in words, and the hint if this refusal adds it. */
    public TemplateModel.Refusal model(Settings settings) {
        return new TemplateModel.Refusal(reason(settings), hint);
    }
}
