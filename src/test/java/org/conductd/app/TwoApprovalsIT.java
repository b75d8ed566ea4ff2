package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With approvals-required: 2, a draft goes out only after two members other than its author approve. */
class TwoApprovalsIT extends ConductdIT {

    @Override
    protected Map<String, Object> overrides() {
        return Map.of("conductd.approvals-required", "2");
    }

    @BeforeEach
    void draftAResolution() {
        mail.send(TwoPersonRuleIT.REPORTER, "Report", "Someone kept following me.", Map.of());
        conductd.settle();
        reply(TwoPersonRuleIT.ALICE, "RESOLVE: warning");
    }

    private void reply(String member, String text) {
        String id = ConductdIT.idOf(mail.receivedBy(member, "case-notification").get(0));
        mail.send(member, "Re: [CoC #1]", text, Map.of("In-Reply-To", "<" + id + ">"));
        conductd.settle();
    }

    @Test
    void oneApprovalIsNotEnough() throws Exception {
        reply(TwoPersonRuleIT.BOB, "APPROVE: D1");

        assertTrue(mail.receivedBy(TwoPersonRuleIT.REPORTER, "notice").isEmpty());
        var transcripts = mail.receivedBy(TwoPersonRuleIT.BOB, "transcript");
        assertTrue(IntakeIT.body(transcripts.get(transcripts.size() - 1)).contains("1 more approval"));
    }

    @Test
    void theSameMemberApprovingTwiceDoesNotCountTwice() throws Exception {
        reply(TwoPersonRuleIT.BOB, "APPROVE: D1");
        reply(TwoPersonRuleIT.BOB, "APPROVE: D1");

        assertTrue(mail.receivedBy(TwoPersonRuleIT.REPORTER, "notice").isEmpty());
        var errors = mail.receivedBy(TwoPersonRuleIT.BOB, "command-error");
        assertTrue(IntakeIT.body(errors.get(errors.size() - 1)).contains("already approved"));
    }

    @Test
    void twoApprovalsSendIt() {
        reply(TwoPersonRuleIT.BOB, "APPROVE: D1");
        reply(TwoPersonRuleIT.CAROL, "APPROVE: D1");

        assertEquals(1, mail.receivedBy(TwoPersonRuleIT.REPORTER, "notice").size());
    }
}
