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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The templates in mail-templates/ against their placeholder contract and a sample model each. */
class ShippedTemplatesTest {

    private static final Path FOLDER = Path.of("mail-templates");

    /** The placeholder contract: the names each template may use, nested section names included. */
    private static final Map<String, Set<String>> CONTRACT = pairs(
            "ack", Set.of("eventName", "tag", "originalSubject", "emergencyContact", "teamAddress"),
            "case-notification", Set.of("tag", "caseNumber", "codeName", "eventName", "memberName", "reporterLine",
                    "takenBy", "receivedAt", "originalSubject", "reportText", "attachments", "attached", "name", "size",
                    "excluded", "automaticReason", "anonymous"),
            "relay", Set.of("tag", "codeName", "authorRole", "authorLine", "newParticipant", "receivedAt", "text",
                    "attachments", "attached", "name", "size"),
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
            "delivery-failure", Set.of("tag", "codeName", "caseNumber", "mailKind", "recipientLine", "status", "detail",
                    "when"));

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
            "delivery-failure", Map.of("tag", "[CoC #42]", "codeName", "quiet harbor", "caseNumber", 42,
                    "mailKind", "acknowledgement", "recipientLine", "the reporter", "status", "5.1.1",
                    "detail", "550 5.1.1 <[address]>: Recipient address rejected: User unknown",
                    "when", "2026-05-10 09:31 UTC"));

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
