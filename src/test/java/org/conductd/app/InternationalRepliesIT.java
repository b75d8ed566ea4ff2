package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An approval request answered with a line of doubt from the clients team members use, in
 * their languages, each quoting the request as it does: Outlook below its header block (the
 * long From name wrapped, the original unmarked and its indents lost), Gmail below its
 * attribution with "&gt;" quotes. Nothing is executed, no command error goes back, and the team
 * is relayed the member's line alone.
 */
class InternationalRepliesIT extends ConductdIT {

    private static final String DOUBT = "Not sure about this one, can we talk tomorrow?";
    private static final String FROM = "Example Conf 2026 Code of Conduct team";
    private static final String ADDRESS = "<conduct@example.org>";

    private static final Map<String, String> ABOVE_THE_ORIGINAL = Map.of(
            "outlook-wrapped-from", "________________________________\nFrom: " + FROM + "\n" + ADDRESS
                    + "\nSent: Tuesday, March 3, 2026 10:00 AM\nTo: Bob Builder <bob@example.org>\nSubject: %s",
            "outlook-italian", "Da: " + FROM + " " + ADDRESS + "\nInviato: martedì 3 marzo 2026 10:00\n"
                    + "A: Bob Builder <bob@example.org>\nOggetto: %s",
            "outlook-german", "________________________________\nVon: " + FROM + "\n" + ADDRESS
                    + "\nGesendet: Dienstag, 3. März 2026 10:00\nAn: Bob Builder <bob@example.org>\nBetreff: %s",
            "outlook-french", "De : " + FROM + " " + ADDRESS + "\nEnvoyé : mardi 3 mars 2026 10:00\n"
                    + "À : Bob Builder <bob@example.org>\nObjet : %s",
            "gmail-german", "Am Di., 3. März 2026 um 10:00 Uhr schrieb " + FROM + " " + ADDRESS + ":",
            "gmail-french", "Le mar. 3 mars 2026 à 10:00, " + FROM + " " + ADDRESS + " a écrit :",
            "gmail-spanish", "El mar., 3 mar. 2026 a las 10:00, " + FROM + " (" + ADDRESS + ") escribió:",
            "gmail-english-wrapped", "On Tue, Mar 3, 2026 at 10:00 AM " + FROM + "\n" + ADDRESS + " wrote:");

    @BeforeEach
    void draftAResolution() {
        mail.send(TwoPersonRuleIT.REPORTER, "Report", "Someone kept following me.", Map.of());
        conductd.settle();
        String notification = idOf(mail.receivedBy(TwoPersonRuleIT.ALICE, "case-notification").get(0));
        mail.send(TwoPersonRuleIT.ALICE, "Re: [CoC #1]", "RESOLVE: warning\nWe spoke to them; a warning fits.",
                Map.of("In-Reply-To", "<" + notification + ">"));
        conductd.settle();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"outlook-wrapped-from", "outlook-italian", "outlook-german", "outlook-french",
            "gmail-german", "gmail-french", "gmail-spanish", "gmail-english-wrapped"})
    void aDoubtQuotingTheRequestExecutesNothingAndRelaysOnlyItself(String client) throws Exception {
        MimeMessage request = mail.receivedBy(TwoPersonRuleIT.BOB, "approval-request").get(0);
        String original = body(request);
        String quoted = client.startsWith("outlook")
                ? original.lines().map(String::strip).collect(Collectors.joining("\n"))
                : original.lines().map(line -> line.isEmpty() ? ">" : "> " + line).collect(Collectors.joining("\n"));
        assertTrue(quoted.lines().anyMatch(line -> line.endsWith("APPROVE")), "the request's instructions are quoted");
        String reply = DOUBT + "\n\n" + ABOVE_THE_ORIGINAL.get(client).formatted(request.getSubject()) + "\n\n" + quoted;

        mail.send(TwoPersonRuleIT.BOB, "Re: " + request.getSubject(), reply,
                Map.of("In-Reply-To", "<" + idOf(request) + ">"));
        conductd.settle();

        assertTrue(mail.receivedBy(TwoPersonRuleIT.REPORTER, "notice").isEmpty(), "nothing was approved");
        assertEquals(List.of(), mail.receivedBy(TwoPersonRuleIT.BOB, "command-error"), "no quoted line was read");
        assertEquals(List.of(), mail.receivedBy(TwoPersonRuleIT.BOB, "transcript"), "no command ran");
        for (String member : List.of(TwoPersonRuleIT.ALICE, TwoPersonRuleIT.CAROL)) {
            List<MimeMessage> relays = mail.receivedBy(member, "relay");
            assertEquals(1, relays.size(), member);
            String relayed = body(relays.get(0));
            assertTrue(relayed.contains(DOUBT), relayed);
            assertFalse(relayed.contains("APPROVE") || relayed.contains("REJECT") || relayed.contains("Inviato")
                    || relayed.contains("Gesendet") || relayed.contains("Envoyé") || relayed.contains("schrieb")
                    || relayed.contains("escribió") || relayed.contains("a écrit") || relayed.contains("wrote:"),
                    "only the new text is relayed: " + relayed);
        }
    }
}
