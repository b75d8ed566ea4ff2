package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The templates in mail-templates/ against their placeholder contract and a sample model each. */
class ShippedTemplatesTest {

    private static final Path FOLDER = Path.of("mail-templates");

    /** The placeholder contract: the names each template may use, nested section names included. */
    private static final Map<String, Set<String>> CONTRACT = pairs(
            "ack", Set.of("eventName", "tag", "originalSubject", "emergencyContact", "teamAddress"),
            "case-notification", Set.of("tag", "caseNumber", "codeName", "eventName", "memberName", "reporterLine",
                    "takenBy", "receivedAt", "originalSubject", "reportText", "attachments", "attached", "name", "size",
                    "excluded", "automaticReason", "anonymous", "withheld"),
            "relay", Set.of("tag", "codeName", "authorRole", "authorLine", "newParticipant", "receivedAt", "text",
                    "attachments", "attached", "name", "size", "withheld"),
            "member-excluded", Set.of("tag", "codeName", "excluded", "name"),
            "quarantine-notice", Set.of("count", "items", "receivedAt", "size", "reason"),
            "nobody-notified", Set.of("tag", "codeName", "eventName", "caseNumber"),
            "transcript", Set.of("tag", "codeName", "caseNumber", "changes", "line"),
            "command-error", Set.of("tag", "codeName", "caseNumber", "count", "problems", "where", "line", "reason",
                    "choices"),
            "refusal", Set.of("tag", "reason", "hint"),
            "status", Set.of("tag", "codeName", "caseNumber", "record"),
            "help", Set.of("tag", "help"),
            "urgent-alert", Set.of("tag", "codeName", "actorName", "caseNumber", "eventName", "forTeam"),
            "pattern-notice", Set.of("tag", "codeName", "caseNumber", "count", "earlier", "state", "openedAt"),
            "resolution-reporter", Set.of("tag", "caseNumber", "eventName", "teamAddress", "originalSubject",
                    "resolutionDescription", "explanation", "apology"),
            "resolution-reported", Set.of("tag", "eventName", "teamAddress", "reportedName", "resolutionDescription",
                    "explanation", "appealsContact"),
            "complaint-notice", Set.of("tag", "eventName", "teamAddress", "reportedName", "text"),
            "reply-reported", Set.of("tag", "eventName", "teamAddress", "text"),
            "reply-reporter", Set.of("tag", "eventName", "teamAddress", "originalSubject", "text"),
            "dsf-report", Set.of("tag", "eventName", "codeName", "teamAddress", "when", "where", "narrative", "actionsTaken"),
            "approval-request", Set.of("tag", "caseNumber", "codeName", "draftId", "authorName", "what", "messages", "to",
                    "subject", "text", "approvalsNeeded"),
            "draft-rejected", Set.of("tag", "caseNumber", "codeName", "draftId", "what", "rejecterName", "reason"),
            "draft-sent", Set.of("tag", "caseNumber", "codeName", "draftId", "what", "approverNames", "recipientsLine"),
            "send-now-alert", Set.of("tag", "caseNumber", "codeName", "eventName", "draftId", "what", "actorName", "reason",
                    "forTeam", "forConflicted"),
            "conflict-declared", Set.of("tag", "caseNumber", "codeName", "eventName", "actorName", "memberName"),
            "team-silenced", Set.of("tag", "caseNumber", "codeName", "eventName", "actorName", "forOrganizer"),
            "flood-summary", Set.of("eventName", "count", "cases", "tag", "codeName", "receivedAt",
                    "reporterLine", "subject", "perHour", "teamAddress"),
            "appeal-notice", Set.of("tag", "caseNumber", "codeName", "eventName", "reportedLine"),
            "appeal-alert", Set.of("tag", "caseNumber", "codeName", "reportedLine"),
            "delivery-failure", Set.of("tag", "codeName", "caseNumber", "mailKind", "recipientLine", "status", "detail",
                    "when"),
            "digest", Set.of("eventName", "periodStart", "periodEnd", "newCount", "openCount", "resolvedCount",
                    "closedCount", "overdue", "line", "cases", "caseNumber", "codeName", "state", "severity", "lead",
                    "ageDays", "idleDays", "pendingApprovals"),
            "reminder", Set.of("caseNumber", "codeName", "idle", "idleDays", "drafts", "draftId", "what", "waitingDays"));

    /** A map from alternating keys and values: more entries than Map.of takes. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> pairs(Object... keysAndValues) {
        Map<String, V> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }

    /** Names the renderer and jmustache provide, not the caller. */
    private static final Set<String> BUILT_IN = Set.of(TemplateRenderer.QUOTE, "-first", "-last");

    private static final List<Map<String, Object>> ATTACHMENTS =
            List.of(Map.of("name", "photo.jpg", "size", "1.2 MB"), Map.of("name", "chat.pdf", "size", "80 KB"));

    private static final Map<String, Map<String, Object>> SAMPLES = pairs(
            "ack", Map.of("eventName", "Example Conf 2026", "tag", "[CoC #42]", "originalSubject", "Incident at the party",
                    "emergencyContact", "call the venue security desk on +49 30 1234567, or 112.",
                    "teamAddress", "conduct@example.org"),
            "case-notification", Map.ofEntries(
                    Map.entry("tag", "[CoC #42]"), Map.entry("caseNumber", 42), Map.entry("codeName", "quiet harbor"),
                    Map.entry("eventName", "Example Conf 2026"), Map.entry("memberName", "Alice"),
                    Map.entry("reporterLine", "Jane Doe <jane@example.net>"), Map.entry("takenBy", "Bob Example"),
                    Map.entry("receivedAt", "2026-05-10 09:30 UTC"), Map.entry("originalSubject", "Incident at the party"),
                    Map.entry("reportText", "At the party last night someone kept touching my arm.\n\nI asked them to stop."),
                    Map.entry("attachments", ATTACHMENTS), Map.entry("attached", true), Map.entry("excluded", List.of(Map.of("name", "Carol Example"))),
                    Map.entry("automaticReason", "Auto-Submitted: auto-generated"), Map.entry("anonymous", true)),
            "relay", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "authorRole", "the reporter",
                    "authorLine", "a new participant: Sam Witness <sam@example.net>", "newParticipant", true,
                    "receivedAt", "2026-05-10 11:00 UTC", "text", "I saw it too.\nIt was by the bar.", "attachments", ATTACHMENTS,
                    "attached", false),
            "member-excluded", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor",
                    "excluded", List.of(Map.of("name", "Carol Example"), Map.of("name", "Dan Example"))),
            "quarantine-notice", Map.of("count", 2, "items", List.of(
                    Map.of("receivedAt", "2026-05-10 09:30 UTC", "size", "40 MB", "reason", "over the size limit"),
                    Map.of("receivedAt", "2026-05-10 09:31 UTC", "size", "2 KB", "reason", "could not be parsed"))),
            "nobody-notified", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "eventName", "Example Conf 2026",
                    "caseNumber", 42),
            "conflict-declared", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "eventName", "Example Conf 2026",
                    "caseNumber", 42, "actorName", "Alice Example", "memberName", "Bob Builder"),
            "team-silenced", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "eventName", "Example Conf 2026",
                    "caseNumber", 42, "actorName", "Alice Example", "forOrganizer", true),
            "flood-summary", Map.of("eventName", "Example Conf 2026", "count", 1,
                    "perHour", 30, "teamAddress", "conduct@example.org", "cases", List.of(Map.of("tag", "[CoC #42]",
                            "codeName", "quiet harbor", "receivedAt", "2026-05-10 09:30 UTC",
                            "reporterLine", "jane@example.net", "subject", "Incident at the party"))),
            "transcript", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "caseNumber", 42,
                    "changes", List.of(Map.of("line", "Severity set to high."), Map.of("line", "Note added to the record."))),
            "command-error", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "caseNumber", 42, "count", 1,
                    "problems", List.of(Map.of("where", "Line 2", "line", "RESOLVED: warning",
                            "reason", "unknown command; did you mean RESOLVE?", "choices", "warning, ban"))),
            "refusal", Map.of("tag", "[CoC #42]", "reason", "it does not answer mail conductd sent you", "hint", true),
            "status", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "caseNumber", 42,
                    "record", "State: open\nSeverity: high"),
            "help", Map.of("tag", "[CoC #42]", "help", "NOTE: text - an internal note"),
            "urgent-alert", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "actorName", "Alice Example",
                    "caseNumber", 42, "eventName", "Example Conf 2026", "forTeam", true),
            "pattern-notice", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "caseNumber", 42, "count", 1,
                    "earlier", List.of(Map.of("caseNumber", 7, "codeName", "calm river", "state", "closed",
                            "openedAt", "2025-05-10 09:30 UTC"))),
            "resolution-reporter", Map.of("tag", "[CoC #42]", "caseNumber", 42, "eventName", "Example Conf 2026",
                    "teamAddress", "conduct@example.org", "originalSubject", "Incident at the party",
                    "resolutionDescription", "A warning to stop the behaviour; any further report will lead to sanctions.",
                    "explanation", "Two of us talked to the person the next morning.\nThey were told what was reported.",
                    "apology", "The party had no staff member present, which it should have had.\nWe are sorry."),
            "resolution-reported", Map.of("tag", "[CoC #42]", "eventName", "Example Conf 2026",
                    "teamAddress", "conduct@example.org", "reportedName", "Mallory Example",
                    "resolutionDescription", "A warning to stop the behaviour; any further report will lead to sanctions.",
                    "explanation", "At the party you kept touching another attendee's arm after they asked you to stop.\n"
                            + "The Code of Conduct asks everyone to respect other people's boundaries.",
                    "appealsContact", "leaders@example.org"),
            "complaint-notice", Map.of("tag", "[CoC #42]", "eventName", "Example Conf 2026",
                    "teamAddress", "conduct@example.org", "reportedName", "Mallory Example",
                    "text", "The report is about the party on Friday evening.\nCould you tell us what happened from your side?"),
            "reply-reported", Map.of("tag", "[CoC #42]", "eventName", "Example Conf 2026",
                    "teamAddress", "conduct@example.org", "text", "Thank you for your reply.\nThe team will meet tomorrow."),
            "reply-reporter", Map.of("tag", "[CoC #42]", "eventName", "Example Conf 2026",
                    "teamAddress", "conduct@example.org", "originalSubject", "Incident at the party",
                    "text", "Thank you for writing to us.\nCould you tell us roughly what time it was?"),
            "dsf-report", Map.of("tag", "[CoC #42]", "eventName", "Example Conf 2026", "codeName", "quiet harbor",
                    "teamAddress", "conduct@example.org", "when", "2026-05-09, around 22:00",
                    "where", "Conference party at Example Conf 2026",
                    "narrative", "An attendee kept touching another attendee's arm after being asked to stop.\n\n"
                            + "They were confrontational when reminded of the Code of Conduct.",
                    "actionsTaken", "Two members of the team talked to them the next day.\nThey were given a warning."),
            "approval-request", Map.of("tag", "[CoC #42]", "caseNumber", 42, "codeName", "quiet harbor", "draftId", "D3",
                    "authorName", "Alice Example", "what", "the resolution notices", "approvalsNeeded", 1,
                    "messages", List.of(
                            Map.of("to", "the reporter (anonymous)", "subject", "[CoC #42] Re: Incident at the party",
                                    "text", "Hello,\n\nThank you for your report."),
                            Map.of("to", "Mallory Example <mallory@example.net>",
                                    "subject", "[CoC #42] Example Conf 2026 Code of Conduct: outcome",
                                    "text", "Hello Mallory Example,\n\nThe decision: a warning."))),
            "draft-rejected", Map.of("tag", "[CoC #42]", "caseNumber", 42, "codeName", "quiet harbor", "draftId", "D3",
                    "what", "a reply to the reporter", "rejecterName", "Bob Example",
                    "reason", "Too early: we have not heard the other side yet.\nLet's talk first."),
            "draft-sent", Map.of("tag", "[CoC #42]", "caseNumber", 42, "codeName", "quiet harbor", "draftId", "D3",
                    "what", "a reply to the reporter", "approverNames", "Bob Example",
                    "recipientsLine", "the reporter (anonymous)"),
            "send-now-alert", Map.of("tag", "[CoC #42]", "caseNumber", 42, "codeName", "quiet harbor",
                    "eventName", "Example Conf 2026", "draftId", "D3", "what", "a reply to the reporter",
                    "actorName", "Alice Example", "reason", "The reporter is leaving the venue now.\nNobody else answered.",
                    "forTeam", true),
            "appeal-notice", Map.of("tag", "[CoC #42]", "caseNumber", 42, "codeName", "quiet harbor",
                    "eventName", "Example Conf 2026", "reportedLine", "Mallory Example <mallory@example.net>"),
            "appeal-alert", Map.of("tag", "[CoC #42]", "caseNumber", 42, "codeName", "quiet harbor",
                    "reportedLine", "Mallory Example <mallory@example.net>"),
            "delivery-failure", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "caseNumber", 42,
                    "mailKind", "acknowledgement", "recipientLine", "the reporter", "status", "5.1.1",
                    "detail", "550 5.1.1 <[address]>: Recipient address rejected: User unknown",
                    "when", "2026-05-10 09:31 UTC"),
            "digest", Map.of("eventName", "Example Conf 2026", "periodStart", "2026-05-04", "periodEnd", "2026-05-11",
                    "newCount", 3, "openCount", 2, "resolvedCount", 1, "closedCount", 1,
                    "overdue", List.of(Map.of("line", "case 42 (quiet harbor): D3 has waited 3 days for approval")),
                    "cases", List.of(Map.of("caseNumber", 42, "codeName", "quiet harbor", "state", "open",
                            "severity", "high", "lead", "Alice Example", "ageDays", 4, "idleDays", 2,
                            "pendingApprovals", 1))),
            "reminder", Map.of("caseNumber", 42, "codeName", "quiet harbor", "idle", true, "idleDays", 3,
                    "drafts", List.of(Map.of("draftId", "D3", "what", "the resolution notices", "waitingDays", 2))));


    /** Values that may be empty, each hiding its part of the mail. */
    private static final Map<String, Set<String>> OPTIONAL = pairs(
            "resolution-reporter", Set.of("explanation", "apology"),
            "resolution-reported", Set.of("reportedName", "explanation"),
            "complaint-notice", Set.of("reportedName"),
            "dsf-report", Set.of("narrative", "actionsTaken"),
            "draft-rejected", Set.of("reason"),
            "send-now-alert", Set.of("reason"));

    private final TemplateRenderer renderer = new TemplateRenderer(new TemplateSource(null));

    static Stream<String> templateNames() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyShippedTemplateHasAContractAndASample() throws IOException {
        assertEquals(new TreeSet<>(CONTRACT.keySet()), templateNames().collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(CONTRACT.keySet(), SAMPLES.keySet());
    }

    @ParameterizedTest
    @MethodSource("templateNames")
    void everyPlaceholderIsPartOfTheContract(String name) {
        MailTemplate template = new TemplateSource(FOLDER).load(name);
        Set<String> used = new TreeSet<>();
        collectNames(template.subject(), used);
        collectNames(template.body(), used);
        used.removeAll(BUILT_IN);

        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(CONTRACT.get(name));
        assertTrue(unknown.isEmpty(), name + " uses placeholders outside its contract: " + unknown);
    }

    @ParameterizedTest
    @MethodSource("templateNames")
    void everyTemplateRendersItsSampleWithEveryValueShown(String name) {
        RenderedMail mail = renderer.render(name, SAMPLES.get(name));

        assertFalse(mail.subject().isBlank(), name);
        assertFalse(mail.text().contains("{{"), name);
        String htmlText = Jsoup.parse(mail.html()).text();
        for (Object value : SAMPLES.get(name).values()) {
            if (value instanceof String s) {
                String firstLine = s.lines().findFirst().orElse("");
                assertTrue(mail.text().contains(firstLine) || mail.subject().contains(firstLine), name + ": " + s);
                assertTrue(htmlText.contains(firstLine) || mail.subject().contains(firstLine), name + " html: " + s);
            }
        }
    }

    @Test
    void theAcknowledgementLeavesOutTheEmergencyParagraphWhenThereIsNone() {
        Map<String, Object> values = new java.util.HashMap<>(SAMPLES.get("ack"));
        values.put("emergencyContact", "");

        RenderedMail mail = renderer.render("ack", values);

        assertFalse(mail.text().contains("danger"), mail.text());
        assertFalse(mail.text().contains("\n\n\n"), mail.text());
        assertEquals("[CoC #42] Re: Incident at the party", mail.subject());
    }

    @Test
    void theNotificationSubjectNeverShowsTheReportersSubject() {
        RenderedMail mail = renderer.render("case-notification", SAMPLES.get("case-notification"));

        assertEquals("[CoC #42] New report: quiet harbor", mail.subject());
    }

    @Test
    void theNotificationQuotesEveryLineOfTheReport() {
        RenderedMail mail = renderer.render("case-notification", SAMPLES.get("case-notification"));

        assertTrue(mail.text().contains("> At the party last night someone kept touching my arm.\n>\n> I asked them to stop.\n"),
                mail.text());
        assertTrue(Jsoup.parse(mail.html()).select("blockquote").text().contains("I asked them to stop."), mail.html());
    }

    @Test
    void theNotificationShowsHostileReportTextAsText() {
        Map<String, Object> values = new java.util.HashMap<>(SAMPLES.get("case-notification"));
        values.put("reportText", "# URGENT\n<script>alert(1)</script>\n[login](javascript:alert(2))\n\n    {{tag}}");
        values.put("reporterLine", "*Eve* <eve@example.net>");

        RenderedMail mail = renderer.render("case-notification", values);

        var html = Jsoup.parse(mail.html());
        assertTrue(html.select("script, h1, a, em, blockquote pre").isEmpty(), mail.html());
        assertTrue(html.text().contains("*Eve* <eve@example.net>"), mail.html());
        assertTrue(mail.text().contains(">     {{tag}}"), mail.text());
    }

    @Test
    void sectionsForMissingOptionalValuesDisappear() {
        Map<String, Object> values = new java.util.HashMap<>(SAMPLES.get("case-notification"));
        values.remove("takenBy");
        values.remove("attachments");
        values.remove("excluded");
        values.remove("automaticReason");
        values.put("anonymous", false);

        String text = renderer.render("case-notification", values).text();

        for (String absent : List.of("Taken by", "Attachments", "Left out", "automatic", "anonymous")) {
            assertFalse(text.contains(absent), absent + " in\n" + text);
        }
    }

    private RenderedMail renderWith(String name, Object... changes) {
        Map<String, Object> values = new java.util.HashMap<>(SAMPLES.get(name));
        values.putAll(pairs(changes));
        return renderer.render(name, values);
    }

    static Stream<String> templatesWithOptionalValues() {
        return OPTIONAL.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("templatesWithOptionalValues")
    void emptyOptionalValuesLeaveNoGapsOrEmptyQuotes(String name) {
        Map<String, Object> values = new java.util.HashMap<>(SAMPLES.get(name));
        OPTIONAL.get(name).forEach(key -> values.put(key, ""));

        RenderedMail mail = renderer.render(name, values);

        assertFalse(mail.text().contains("\n\n\n"), name + ":\n" + mail.text());
        assertFalse(mail.text().lines().anyMatch(">"::equals), name + ":\n" + mail.text());
        assertTrue(Jsoup.parse(mail.html()).select("blockquote").stream().noneMatch(b -> b.text().isBlank()), mail.html());
    }

    @Nested
    class ResolutionNotices {

        @Test
        void theReporterIsToldTheOutcomeTheReasonsAndThanked() {
            RenderedMail mail = renderer.render("resolution-reporter", SAMPLES.get("resolution-reporter"));

            assertEquals("[CoC #42] Re: Incident at the party", mail.subject());
            assertTrue(mail.text().contains("The outcome: A warning to stop the behaviour"), mail.text());
            assertTrue(mail.text().contains("> Two of us talked to the person the next morning.\n"
                    + "> They were told what was reported.\n"), mail.text());
            assertTrue(mail.text().contains("> We are sorry."), mail.text());
            assertTrue(mail.text().contains("the team considers the case closed"), mail.text());
            assertTrue(mail.text().contains("Thank you again for telling us."), mail.text());
        }

        @Test
        void theReporterNoticeNeverShowsTheAppealsContactOrInvitesAWithdrawal() {
            RenderedMail mail = renderWith("resolution-reporter", "appealsContact", "leaders@example.org",
                    "reportedName", "Mallory Example");

            for (String absent : List.of("leaders@example.org", "Mallory", "withdraw", "appeal")) {
                assertFalse(mail.text().contains(absent), absent + " in\n" + mail.text());
            }
        }

        @Test
        void theReporterNoticeWithoutExplanationOrApologyLeavesOutTheirHeadings() {
            String text = renderWith("resolution-reporter", "explanation", "", "apology", "").text();

            assertFalse(text.contains("What we did"), text);
            assertFalse(text.contains("our own part"), text);
            assertTrue(text.contains("The outcome: A warning"), text);
        }

        @Test
        void theReportedPersonIsToldTheDecisionAndWhereToAppeal() {
            RenderedMail mail = renderer.render("resolution-reported", SAMPLES.get("resolution-reported"));

            assertEquals("[CoC #42] Example Conf 2026 Code of Conduct: outcome", mail.subject());
            assertTrue(mail.text().startsWith("Hello Mallory Example,\n"), mail.text());
            assertTrue(mail.text().contains("The decision: A warning to stop the behaviour"), mail.text());
            assertTrue(mail.text().contains("If you'd like to discuss this further, please contact leaders@example.org, "
                    + "but in the meantime the decision stands."), mail.text());
        }

        @Test
        void theReportedPersonIsNeitherAskedToApologiseNorReassured() {
            String text = renderer.render("resolution-reported", SAMPLES.get("resolution-reported")).text().toLowerCase();

            for (String absent : List.of("apolog", "sorry", "forgive", "don't worry", "reporter")) {
                assertFalse(text.contains(absent), absent + " in\n" + text);
            }
        }

        @Test
        void aReportedPersonWithoutANameIsGreetedPlainly() {
            assertTrue(renderWith("resolution-reported", "reportedName", "").text().startsWith("Hello,\n"));
            assertTrue(renderWith("complaint-notice", "reportedName", "").text().startsWith("Hello,\n"));
        }
    }

    @Nested
    class MessagesToReporterAndReported {

        @Test
        void theComplaintNoticeAsksForTheirSideWithoutNamingTheReporter() {
            RenderedMail mail = renderWith("complaint-notice", "reporterLine", "Jane Doe <jane@example.net>");

            assertEquals("[CoC #42] Example Conf 2026 Code of Conduct: a report about you", mail.subject());
            assertTrue(mail.text().contains("we want to hear your side"), mail.text());
            assertTrue(mail.text().contains("> Could you tell us what happened from your side?"), mail.text());
            assertTrue(mail.text().contains("Please reply to this mail."), mail.text());
            assertFalse(mail.text().contains("Jane"), mail.text());
        }

        @Test
        void aReplyShowsTheTextAndTheTeamsSignOff() {
            RenderedMail toReporter = renderer.render("reply-reporter", SAMPLES.get("reply-reporter"));
            RenderedMail toReported = renderer.render("reply-reported", SAMPLES.get("reply-reported"));

            assertEquals("[CoC #42] Re: Incident at the party", toReporter.subject());
            assertEquals("[CoC #42] Example Conf 2026 Code of Conduct", toReported.subject());
            assertTrue(toReporter.text().startsWith("> Thank you for writing to us.\n> Could you tell us"), toReporter.text());
            assertTrue(toReporter.text().endsWith("The Example Conf 2026 Code of Conduct team\nconduct@example.org\n"),
                    toReporter.text());
            assertTrue(toReported.text().endsWith("The Example Conf 2026 Code of Conduct team\nconduct@example.org\n"),
                    toReported.text());
        }
    }

    @Nested
    class DsfReport {

        @Test
        void itFollowsTheSeedsFormatAndAsksOnlyForAcknowledgement() {
            RenderedMail mail = renderer.render("dsf-report", SAMPLES.get("dsf-report"));

            assertEquals("[CoC #42] Code of Conduct incident report: Example Conf 2026 (quiet harbor)", mail.subject());
            String text = mail.text();
            assertTrue(text.contains("When: 2026-05-09, around 22:00\nWhere: Conference party at Example Conf 2026\n"), text);
            assertTrue(text.indexOf("What happened:") < text.indexOf("> An attendee kept"), text);
            assertTrue(text.indexOf("Actions taken:") < text.indexOf("> They were given a warning."), text);
            assertTrue(text.contains("We do not expect you to act on it, only to acknowledge receipt of this report."), text);
        }

        @Test
        void itNamesNobodyEvenWhenNamesArePassed() {
            String text = renderWith("dsf-report", "reporterLine", "Jane Doe <jane@example.net>",
                    "reportedName", "Mallory Example", "tag", "[CoC #42]").text();

            assertFalse(text.contains("Jane") || text.contains("Mallory"), text);
        }

        @Test
        void aMissingNarrativeOrActionIsSaidToBeNotRecorded() {
            String text = renderWith("dsf-report", "narrative", "", "actionsTaken", "").text();

            assertTrue(text.contains("What happened:\n\nNot recorded.\n\nActions taken:\n\nNot recorded.\n"), text);
        }
    }

    @Nested
    class Approvals {

        @Test
        void theRequestShowsEveryMessageWithItsRecipientAndHowToAnswer() {
            RenderedMail mail = renderer.render("approval-request", SAMPLES.get("approval-request"));

            assertEquals("[CoC #42] Approval needed: D3 the resolution notices", mail.subject());
            String text = mail.text();
            assertTrue(text.contains("To: the reporter (anonymous)\nSubject: [CoC #42] Re: Incident at the party\n\n"
                    + "> Hello,\n>\n> Thank you for your report.\n"), text);
            assertTrue(text.contains("To: Mallory Example <mallory@example.net>\n"), text);
            assertTrue(text.contains("> The decision: a warning."), text);
            assertTrue(text.contains("    APPROVE\n"), text);
            assertTrue(text.contains("APPROVE: D3"), text);
            assertTrue(text.contains("    REJECT: the reason\n"), text);
            assertTrue(text.contains("    SEND-NOW: the reason\n"), text);
            assertTrue(text.contains("Nothing is sent until 1 team member(s) other than Alice Example approve it."), text);
            var html = Jsoup.parse(mail.html());
            assertEquals(2, html.select("blockquote").size(), mail.html());
            assertTrue(html.text().contains("Mallory Example <mallory@example.net>"), mail.html());
        }

        @Test
        void theAuthorIsToldWhoRejectedTheirDraftAndWhy() {
            RenderedMail mail = renderer.render("draft-rejected", SAMPLES.get("draft-rejected"));

            assertEquals("[CoC #42] D3 was rejected", mail.subject());
            assertTrue(mail.text().startsWith("Bob Example rejected D3, a reply to the reporter in case 42"), mail.text());
            assertTrue(mail.text().contains("> Too early: we have not heard the other side yet.\n> Let's talk first."),
                    mail.text());
        }

        @Test
        void theSentNoticeNamesApproversAndRecipients() {
            RenderedMail mail = renderer.render("draft-sent", SAMPLES.get("draft-sent"));

            assertEquals("[CoC #42] D3 was approved and sent", mail.subject());
            assertTrue(mail.text().contains("was approved by Bob Example and sent to the reporter (anonymous)."), mail.text());
        }

        @Test
        void theSendNowAlertToTheTeamCarriesTheReason() {
            RenderedMail mail = renderer.render("send-now-alert", SAMPLES.get("send-now-alert"));

            assertEquals("[CoC #42] SEND-NOW: D3 sent without a second member", mail.subject());
            assertTrue(mail.text().startsWith("Alice Example used SEND-NOW in case 42 (\"quiet harbor\") of Example Conf 2026: "
                    + "D3, a reply to the reporter, was sent without"), mail.text());
            assertTrue(mail.text().contains("> The reporter is leaving the venue now."), mail.text());
        }

        @Test
        void theSendNowAlertToOrganizersCarriesNoCaseContent() {
            RenderedMail mail = renderWith("send-now-alert", "forTeam", false);

            assertTrue(mail.text().startsWith("Alice Example used SEND-NOW in case 42 (\"quiet harbor\") of Example Conf 2026: "
                    + "a message of the case was sent without"), mail.text());
            for (String absent : List.of("leaving the venue", "a reply to the reporter", "STATUS")) {
                assertFalse(mail.text().contains(absent), absent + " in\n" + mail.text());
                assertFalse(mail.html().contains(absent), absent + " in\n" + mail.html());
            }
        }
    }

    @Nested
    class Appeals {

        @Test
        void theAppealsContactIsToldOfTheAppealWithoutItsContent() {
            RenderedMail mail = renderer.render("appeal-notice", SAMPLES.get("appeal-notice"));

            assertEquals("[CoC #42] Appeal from a reported person", mail.subject());
            assertTrue(mail.text().contains("case 42 (\"quiet harbor\")"), mail.text());
            assertTrue(mail.text().contains("From: Mallory Example <mallory@example.net>"), mail.text());
            assertTrue(mail.text().contains("does not contain their message"), mail.text());
        }

        @Test
        void theTeamIsToldTheAppealWentToTheAppealsContact() {
            RenderedMail mail = renderer.render("appeal-alert", SAMPLES.get("appeal-alert"));

            assertEquals("[CoC #42] quiet harbor: appeal received", mail.subject());
            assertTrue(mail.text().contains("Mallory Example <mallory@example.net>"), mail.text());
            assertTrue(mail.text().contains("sent on to the appeals contact"), mail.text());
        }
    }

    /** People's words in the mails conductd sends for the team: shown as text, never as markup or template. */
    @Nested
    class HostileValues {

        private static final String HOSTILE = "<script>alert('x')</script>\n# Heading\n[login](javascript:alert(2))\n"
                + "<img src=x onerror=alert(3)>\n\n    {{tag}} {{#quote}}x{{/quote}}";

        static Stream<Arguments> multiLineValues() {
            return Stream.of(
                    Arguments.of("resolution-reporter", "explanation"),
                    Arguments.of("resolution-reporter", "apology"),
                    Arguments.of("resolution-reported", "explanation"),
                    Arguments.of("complaint-notice", "text"),
                    Arguments.of("reply-reported", "text"),
                    Arguments.of("reply-reporter", "text"),
                    Arguments.of("dsf-report", "narrative"),
                    Arguments.of("dsf-report", "actionsTaken"),
                    Arguments.of("draft-rejected", "reason"),
                    Arguments.of("send-now-alert", "reason"));
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("multiLineValues")
        void multiLineTextStaysText(String name, String key) {
            RenderedMail mail = renderWith(name, key, HOSTILE, "tag", "[CoC #42]");

            assertShownAsText(name, mail);
        }

        @Test
        void aMessageTextInAnApprovalRequestStaysText() {
            RenderedMail mail = renderWith("approval-request", "messages",
                    List.of(Map.of("to", "<b>Eve</b> <eve@example.net>", "subject", "{{draftId}}", "text", HOSTILE)));

            assertShownAsText("approval-request", mail);
            assertTrue(mail.text().contains("To: <b>Eve</b> <eve@example.net>\nSubject: {{draftId}}\n"), mail.text());
            assertTrue(Jsoup.parse(mail.html()).select("b").isEmpty(), mail.html());
        }

        @ParameterizedTest
        @MethodSource("org.conductd.outbound.ShippedTemplatesTest#templatesReplyingUnderTheOriginalSubject")
        void lineBreaksInTheOriginalSubjectCannotAddAHeader(String name) {
            RenderedMail mail = renderWith(name, "originalSubject", "Hi\r\nBcc: victim@example.org\n\tX-Evil: 1");

            assertEquals("[CoC #42] Re: Hi Bcc: victim@example.org X-Evil: 1", mail.subject());
        }

        @Test
        void aNameThatLooksLikeATagOrMarkupIsShownAsIs() {
            RenderedMail mail = renderWith("resolution-reported", "reportedName", "{{appealsContact}} *Mal* <i>x</i>");

            assertTrue(mail.text().startsWith("Hello {{appealsContact}} *Mal* <i>x</i>,\n"), mail.text());
            var html = Jsoup.parse(mail.html());
            assertTrue(html.select("em, i").isEmpty(), mail.html());
            assertTrue(html.text().contains("Hello {{appealsContact}} *Mal* <i>x</i>,"), mail.html());
        }

        private static void assertShownAsText(String name, RenderedMail mail) {
            var html = Jsoup.parse(mail.html());
            assertTrue(html.select("script, img, h1, a, blockquote pre, blockquote code").isEmpty(), name + ": " + mail.html());
            assertTrue(mail.html().contains("&lt;script&gt;"), name + ": " + mail.html());
            assertTrue(html.text().contains("{{tag}} {{#quote}}x{{/quote}}"), name + ": " + mail.html());
            assertTrue(mail.text().contains("> <script>alert('x')</script>\n> # Heading\n"), name + ": " + mail.text());
            assertTrue(mail.text().contains(">     {{tag}} {{#quote}}x{{/quote}}"), name + ": " + mail.text());
        }
    }

    static Stream<String> templatesReplyingUnderTheOriginalSubject() {
        return Stream.of("ack", "resolution-reporter", "reply-reporter");
    }

    private static void collectNames(String source, Set<String> names) {
        Template template = Mustache.compiler().compile(source);
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                names.add(name);
            }

            @Override
            public boolean visitInclude(String name) {
                names.add(">" + name);
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                names.add(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                names.add(name);
                return true;
            }
        });
    }
}
