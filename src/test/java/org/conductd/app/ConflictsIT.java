package org.conductd.app;

import static org.conductd.app.IntakeIT.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conductd.cases.CaseTeam;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestConductd;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Conflicts of interest (SPEC §3.3, §3.4): a member declared conflicted by another hears of
 * it without content, a member the report or REPORTED: names hears nothing, and no member
 * can silence the others.
 */
class ConflictsIT extends ConductdIT {

    static final String ALICE = "alice@example.org";
    static final String BOB = "bob@example.org";
    static final String CAROL = "carol@example.org";
    static final String ORGA = "orga@example.org";
    static final String REPORTER = "jane@example.net";
    static final String REPORT_TEXT = "Someone kept following me around the venue.";
    static final String SUBJECT = "Harassment at the party";

    @BeforeEach
    void openACase() {
        mail.send(REPORTER, SUBJECT, REPORT_TEXT, Map.of());
        conductd.settle();
    }

    void reply(String member, String text) {
        reply(member, text, idOf(mail.receivedBy(member, "case-notification").get(0)));
    }

    /** Alice drafts a reply to the reporter and sends it with SEND-NOW, without a second member. */
    void aliceSendsAReplyToTheReporterAlone() {
        reply(ALICE, "REPLY: reporter\nPlease stay near the registration desk.");
        reply(ALICE, "SEND-NOW: D1 the reporter is in danger tonight");
    }

    /** Everything a person was sent about the case after {@code before} messages, subject and text together. */
    List<String> mailTo(String address, int before) {
        List<String> texts = new ArrayList<>();
        List<MimeMessage> all = mail.receivedBy(address);
        for (MimeMessage m : all.subList(before, all.size())) {
            try {
                texts.add(m.getSubject() + "\n" + body(m));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return texts;
    }

    static void assertContentFree(String text) {
        assertFalse(text.contains(REPORT_TEXT) || text.contains(SUBJECT) || text.contains(REPORTER)
                || text.contains("the reporter is in danger") || text.contains("Please stay"), text);
    }

    @Test
    void memberDeclaredConflictedByAnotherIsToldAtOnceWithoutContent() throws Exception {
        int before = mail.receivedBy(BOB).size();
        reply(ALICE, "CONFLICT: Bob");

        List<String> toBob = mailTo(BOB, before);
        assertEquals(1, toBob.size(), toBob.toString());
        String notice = toBob.get(0);
        assertTrue(notice.contains("Alice Example") && notice.contains("conflict of interest"), notice);
        assertTrue(notice.contains("[CoC #1]") && notice.contains(theCase().codeName()), notice);
        assertTrue(notice.contains("CONFLICT-CLEAR: Bob Builder"), "how another member can clear it: " + notice);
        assertContentFree(notice);
        assertTrue(latest(ALICE, "transcript").contains("is told"));
    }

    @Test
    void memberWhoDeclaresTheirOwnConflictIsNotSentANotice() {
        int before = mail.receivedBy(BOB).size();
        reply(BOB, "CONFLICT: me");

        assertEquals(List.of(), mailTo(BOB, before).stream().filter(t -> t.contains("declared that you")).toList());
        assertTrue(conductd.bean(CaseTeam.class).conflicted(1).contains(BOB));
    }

    @Test
    void memberRecordedAsTheReportedPersonIsToldNothingEver() {
        int before = mail.receivedBy(CAROL).size();
        reply(ALICE, "REPORTED: Carol Danvers <" + CAROL + ">");
        aliceSendsAReplyToTheReporterAlone();

        assertEquals(List.of(), mailTo(CAROL, before), "the reported person may be on the team");
        assertTrue(conductd.bean(CaseTeam.class).conflicted(1).contains(CAROL));
    }

    @Test
    void sendNowIsToldToMembersDeclaredConflictedByAnotherWithoutContent() throws Exception {
        reply(ALICE, "CONFLICT: Carol");
        int carolBefore = mail.receivedBy(CAROL).size();
        aliceSendsAReplyToTheReporterAlone();

        List<String> toCarol = mailTo(CAROL, carolBefore);
        assertEquals(1, toCarol.size(), toCarol.toString());
        assertTrue(toCarol.get(0).contains("SEND-NOW"), toCarol.get(0));
        assertContentFree(toCarol.get(0));
        assertTrue(latest(BOB, "alert").contains("the reporter is in danger"), "reachable members get the reason");
        assertContentFree(latest(ORGA, "alert"));
    }

    @Test
    void oneMemberDeclaringEveryoneElseConflictedAlertsThemAndTheOrganizers() {
        int bobBefore = mail.receivedBy(BOB).size();
        int orgaBefore = mail.receivedBy(ORGA).size();
        reply(ALICE, "CONFLICT: Bob\nCONFLICT: Carol");

        List<String> toBob = mailTo(BOB, bobBefore);
        assertTrue(toBob.stream().anyMatch(t -> t.contains("alone on a case")), toBob.toString());
        toBob.forEach(ConflictsIT::assertContentFree);
        List<String> toOrga = mailTo(ORGA, orgaBefore);
        assertEquals(1, toOrga.size(), toOrga.toString());
        assertTrue(toOrga.get(0).contains("Alice Example") && toOrga.get(0).contains("alone on a case"), toOrga.get(0));
        assertContentFree(toOrga.get(0));
        assertTrue(mailTo(CAROL, 0).stream().anyMatch(t -> t.contains("alone on a case")));
    }

    @Test
    void declaringOneOfSeveralOthersConflictedRaisesNoAlarm() {
        int orgaBefore = mail.receivedBy(ORGA).size();
        reply(ALICE, "CONFLICT: Bob");

        assertEquals(List.of(), mailTo(ORGA, orgaBefore));
    }

    @Nested
    class WithoutOrganizers {

        @BeforeEach
        void restartWithoutOrganizers() {
            conductd.stop();
            conductd = new TestConductd(mail, data, Map.of("conductd.organizers", List.of())).start();
        }

        @Test
        void theMembersLeftOutStillHearOfASendNow() {
            reply(ALICE, "CONFLICT: Bob\nCONFLICT: Carol");
            int bobBefore = mail.receivedBy(BOB).size();
            aliceSendsAReplyToTheReporterAlone();

            List<String> toBob = mailTo(BOB, bobBefore);
            assertEquals(1, toBob.size(), toBob.toString());
            assertTrue(toBob.get(0).contains("SEND-NOW"), toBob.get(0));
            assertContentFree(toBob.get(0));
        }
    }

    @Nested
    class RosterChanges {

        @Test
        void memberAddedToTheRosterLaterIsKeptOutOfACaseWhoseReportNamesThem() {
            mail.send("sam@example.net", "About Dave", "Dave Newman shouted at me at the social.", Map.of());
            conductd.settle();
            conductd.stop();
            List<Map<String, Object>> team = new ArrayList<>(TestConductd.TEAM.stream()
                    .map(m -> Map.<String, Object>of("name", m[0], "email", m[1])).toList());
            team.add(Map.of("name", "Dave Newman", "email", "dave@example.org"));
            conductd = new TestConductd(mail, data, Map.of("conductd.team", team)).start();

            reply(BOB, "Let us meet at noon about this one.", idOf(mail.receivedBy(BOB, "case-notification").get(1)));

            assertTrue(conductd.bean(CaseTeam.class).conflicted(2).contains("dave@example.org"));
            assertTrue(mail.receivedBy("dave@example.org").isEmpty(), "Dave hears nothing of the case naming him");
            assertFalse(conductd.bean(CaseTeam.class).conflicted(1).contains("dave@example.org"),
                    "a case that does not name him reaches him");
        }
    }
}
