package org.conductd.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.conductd.outbound.ReporterScrubber;
import org.conductd.store.CaseRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The incident log of cases made by the real daemon from real mail, read back as a spreadsheet would. */
class IncidentLogIT extends ConductdIT {

    static final String ALICE = "alice@example.org";
    static final String BOB = "bob@example.org";
    static final String REPORTER = "jo@example.net";
    static final String ANONYMOUS = "anon@example.net";
    static final String AWKWARD_NAME = "O'Hara, Jo \"JJ\"\nfrom the second line";

    @BeforeEach
    void twoCasesOneOfThemAnonymous() {
        mail.send("Jo O'Hara <" + REPORTER + ">", "Harassment at the party", "Someone kept following me.", Map.of());
        conductd.settle();
        mail.send(ANONYMOUS, "Anonymous report", "Someone shouted at a speaker.", Map.of());
        conductd.settle();
    }

    void reply(String member, int caseNumber, String text) {
        reply(member, caseNumber, text, idOf(mail.receivedBy(member, "case-notification").get(caseNumber - 1)));
    }

    void reply(String member, int caseNumber, String text, String inReplyTo) {
        mail.send(member, "Re: [CoC #" + caseNumber + "] New report", text,
                Map.of("In-Reply-To", "<" + inReplyTo + ">", "References", "<" + inReplyTo + ">"));
        conductd.settle();
    }

    String csv() throws Exception {
        StringBuilder out = new StringBuilder();
        conductd.bean(IncidentLog.class).writeCsv(out);
        return out.toString();
    }

    static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    static Map<String, String> byColumn(CSVRecord header, CSVRecord row) {
        assertEquals(header.size(), row.size(), "a cell for every column");
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), row.get(i));
        }
        return cells;
    }

    @Test
    void headerIsExactlyTheSpecsColumnsFollowedByOneRowPerCaseOldestFirst() throws Exception {
        String csv = csv();

        assertTrue(csv.startsWith("case,code_name,received_at,reporter_name,reporter_address,handlers,when,where,"
                + "summary,actions_taken,who_else_knows,reported_to_dsf,state\r\n"), csv);
        List<CSVRecord> records = parse(csv);
        assertEquals(3, records.size(), csv);
        assertEquals("1", records.get(1).get(0));
        assertEquals("2", records.get(2).get(0));
    }

    @Test
    void aResolvedCaseShowsWhoHandledItWhatWasDoneAndWhoWasTold() throws Exception {
        reply(ALICE, 1, "REPORTED: Mallory Example <mallory@example.com>\nWHEN: Friday 22:00\n"
                + "WHERE: the conference party\nSUMMARY: unwanted following, twice\nPUBLIC-SUMMARY: an attendee was warned");
        reply(ALICE, 1, "RESOLVE: warning\nWe spoke to the person.");
        List<MimeMessage> requests = mail.receivedBy(BOB, "approval-request");
        reply(BOB, 1, "APPROVE", idOf(requests.get(requests.size() - 1)));
        ParticipantRepository participants = conductd.bean(ParticipantRepository.class);
        Participant reporter = participants.findByCaseIdAndRole(1, ParticipantRole.REPORTER).get(0);
        participants.rename(reporter.id(), AWKWARD_NAME, REPORTER);

        List<CSVRecord> records = parse(csv());
        Map<String, String> row = byColumn(records.get(0), records.get(1));

        assertEquals(conductd.bean(CaseRepository.class).findById(1L).orElseThrow().codeName(), row.get("code_name"));
        assertTrue(row.get("received_at").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), row.get("received_at"));
        assertEquals(AWKWARD_NAME, row.get("reporter_name"), "comma, quote and line break survive the round trip");
        assertEquals(REPORTER, row.get("reporter_address"));
        assertTrue(row.get("handlers").contains("Alice Example <alice@example.org>"), row.get("handlers"));
        assertTrue(row.get("handlers").contains("Bob Builder <bob@example.org>"), row.get("handlers"));
        assertFalse(row.get("handlers").contains("carol@example.org"), "Carol did nothing: " + row.get("handlers"));
        assertEquals("Friday 22:00", row.get("when"));
        assertEquals("the conference party", row.get("where"));
        assertEquals("unwanted following, twice", row.get("summary"));
        assertTrue(row.get("actions_taken").startsWith("Resolution: A warning to stop the behaviour"),
                row.get("actions_taken"));
        assertTrue(row.get("actions_taken").contains("Sent D1: the resolution notices"), row.get("actions_taken"));
        String told = row.get("who_else_knows");
        assertTrue(told.contains("Mallory Example <mallory@example.com> (reported person)"), told);
        assertTrue(told.contains(REPORTER + "> (reporter)"), told);
        assertTrue(told.contains("Carol Danvers <carol@example.org>"), "every member got the case: " + told);
        assertEquals("no", row.get("reported_to_dsf"));
        assertEquals("resolved", row.get("state"));
    }

    @Test
    void anAnonymousCaseSaysSoAndShowsTheReportersAddressNowhere() throws Exception {
        reply(ALICE, 2, "SUMMARY: the reporter wrote from " + ANONYMOUS + " and asked to stay anonymous");

        String csv = csv();
        List<CSVRecord> records = parse(csv);
        Map<String, String> row = byColumn(records.get(0), records.get(2));

        assertEquals("anonymous", row.get("reporter_name"));
        assertEquals("", row.get("reporter_address"));
        assertTrue(row.get("who_else_knows").contains("the reporter (anonymous)"), row.get("who_else_knows"));
        assertEquals("the reporter wrote from " + ReporterScrubber.REPLACEMENT + " and asked to stay anonymous",
                row.get("summary"));
        assertFalse(csv.contains(ANONYMOUS), csv);
        assertEquals("open", row.get("state"));
    }

    @Test
    void anAnonymousReportersNameIsTakenOutOfTheTeamsOwnWords() throws Exception {
        mail.send("Sam Quill <sam.quill@example.net>", "Anonymous report", "Someone pushed me.", Map.of());
        conductd.settle();
        reply(ALICE, 3, "SUMMARY: Sam Quill was pushed by a volunteer\nWHERE: near Quill, Sam's table\n"
                + "WHEN: when sam.quill arrived, Alice Example saw it");

        String csv = csv();
        Map<String, String> row = byColumn(parse(csv).get(0), parse(csv).get(3));

        assertEquals(ReporterScrubber.REPLACEMENT + " was pushed by a volunteer", row.get("summary"));
        assertEquals("near " + ReporterScrubber.REPLACEMENT + "'s table", row.get("where"));
        assertEquals("when " + ReporterScrubber.REPLACEMENT + " arrived, Alice Example saw it", row.get("when"));
        assertFalse(csv.toLowerCase(java.util.Locale.ROOT).contains("quill"), csv);
        assertTrue(csv.contains("Jo O'Hara"), "a case that is not anonymous still names its reporter");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaStaysText() {
        assertEquals("'=HYPERLINK(\"http://x\")", IncidentLog.inert("=HYPERLINK(\"http://x\")"));
        assertEquals("Jo", IncidentLog.inert("Jo"));
    }
}
