package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.conductd.commands.CommandParser;
import org.conductd.commands.ParseResult;
import org.conductd.commands.ReplyTrimmer;
import org.conductd.commands.RosterEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mail conductd sends, quoted without "&gt;" below each client's header block or
 * attribution, as Outlook and others quote: the reply's new text is the author's line alone,
 * and nothing quoted, not even an instruction line such as "    APPROVE" with its indent lost,
 * is read as a command.
 */
class QuotedTemplatesTest {

    private static final String AUTHOR = "Not sure about this one, can we talk tomorrow?";
    private static final String FROM = "Example Conf 2026 Code of Conduct team";
    private static final String ADDRESS = "<conduct@example.org>";

    /** The header blocks and attributions clients write above an unquoted original. */
    private static final Map<String, String> SHAPES = Map.ofEntries(
            Map.entry("Outlook, English, From wrapped", "________________________________\nFrom: " + FROM + "\n"
                    + ADDRESS + "\nSent: Tuesday, March 3, 2026 10:00 AM\nTo: Alice Example <alice@example.org>\n"
                    + "Subject: [CoC #12] Approval needed"),
            Map.entry("Outlook for Mac, English", "From: " + FROM + " " + ADDRESS + "\nDate: Tuesday, 3 March 2026 at 10:00\n"
                    + "To: Alice Example <alice@example.org>\nSubject: [CoC #12] Approval needed"),
            Map.entry("Outlook, Italian", "Da: " + FROM + " " + ADDRESS + "\nInviato: martedì 3 marzo 2026 10:00\n"
                    + "A: Alice Example <alice@example.org>\nOggetto: [CoC #12] Approval needed"),
            Map.entry("Outlook, German, From wrapped", "________________________________\nVon: " + FROM + "\n" + ADDRESS
                    + "\nGesendet: Dienstag, 3. März 2026 10:00\nAn: Alice Example\nBetreff: [CoC #12] Approval needed"),
            Map.entry("Outlook, French", "De : " + FROM + " " + ADDRESS + "\nEnvoyé : mardi 3 mars 2026 10:00\n"
                    + "À : Alice Example\nObjet : [CoC #12] Approval needed"),
            Map.entry("Outlook, Spanish", "De: " + FROM + " " + ADDRESS + "\nEnviado el: martes, 3 de marzo de 2026 10:00\n"
                    + "Para: Alice Example\nAsunto: [CoC #12] Approval needed"),
            Map.entry("Webmail, Danish", "-------- Oprindelig besked --------\nFra: " + FROM + " " + ADDRESS
                    + "\nDato: 03.03.2026 10:00\nTil: alice@example.org\nEmne: [CoC #12] Approval needed"),
            Map.entry("Outlook, Chinese", "发件人：" + FROM + " " + ADDRESS + "\n发送时间：2026年3月3日 10:00\n"
                    + "收件人：Alice Example\n主题：[CoC #12] Approval needed"),
            Map.entry("Gmail forward, English", "---------- Forwarded message ---------\nFrom: " + FROM + " " + ADDRESS
                    + "\nDate: Tue, Mar 3, 2026 at 10:00 AM\nSubject: [CoC #12] Approval needed\nTo: <alice@example.org>"),
            Map.entry("Zoho, English", "---- On Tue, 03 Mar 2026 10:00:00 +0100 " + FROM + ADDRESS + " wrote ----"),
            Map.entry("Apple Mail forward, English", "Begin forwarded message:\n\nFrom: " + FROM + " " + ADDRESS
                    + "\nSubject: [CoC #12] Approval needed\nDate: 3 March 2026 at 10:00:00 CET\nTo: Alice Example"));

    private static final TemplateRenderer RENDERER = new TemplateRenderer(new TemplateSource(null));
    private static final CommandParser PARSER = new CommandParser(
            List.of(new RosterEntry("Alice Example", "alice@example.org", List.of()),
                    new RosterEntry("Bob Builder", "bob@example.org", List.of())),
            List.of("warning", "no-action"));
    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    static Stream<Arguments> quotedMail() {
        return Stream.of(TemplateId.values()).flatMap(template -> SHAPES.keySet().stream().sorted()
                .map(shape -> Arguments.of(template, shape)));
    }

    @ParameterizedTest(name = "{0} below {1}")
    @MethodSource("quotedMail")
    void nothingQuotedIsNewTextOrACommand(TemplateId template, String shape) {
        for (String original : renderings(template)) {
            for (String quoted : List.of(original, withoutIndents(original))) {
                String reply = AUTHOR + "\n\n" + SHAPES.get(shape) + "\n\n" + quoted + "\n";
                String newText = trimmer.trimPlain(reply);
                assertEquals(AUTHOR, newText, template + " below " + shape);
                ParseResult parsed = PARSER.parse(newText, trimmer.authorBlockOfPlain(reply), "alice@example.org");
                assertTrue(parsed instanceof ParseResult.Parsed p && p.commands().isEmpty(), parsed.toString());
            }
        }
    }

    /** The template with every value present and every section shown, with none, and with its empty model. */
    private static List<String> renderings(TemplateId template) {
        return List.of(RENDERER.render(template.fileName(), new EveryValue()).text(),
                RENDERER.render(template.fileName(), Map.of()).text(),
                RENDERER.render(TemplateCheck.emptyModel(template)).text());
    }

    /** What a client that turns the HTML part into text leaves: indents gone. */
    private static String withoutIndents(String text) {
        return text.lines().map(String::strip).collect(Collectors.joining("\n"));
    }

    /** A value for every name: a section over it is shown once, a value reads as sample text. */
    private static final class EveryValue extends AbstractMap<String, Object> {

        @Override
        public Object get(Object key) {
            return "quote".equals(key) ? null : this;
        }

        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }

        @Override
        public String toString() {
            return "sample text";
        }
    }
}
