package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The footers of sign-offs.txt start a signature as whole lines only, in every language they are listed in. */
class SignaturesTest {

    @Test
    void clientFootersInEveryListedLanguageStartASignature() {
        for (String footer : List.of("Sent from my iPhone", "Von meinem iPad gesendet", "Gesendet von Outlook für Android",
                "Envoyé de mon iPhone", "Envoyé à partir de Outlook pour iOS", "Enviado desde mi iPhone",
                "Enviado do meu iPhone", "Inviato dal mio iPhone", "Verzonden met BlackBerry Work",
                "Skickat från min iPhone", "Sendt fra min iPhone", "Lähetetty iPhonesta", "Wysłane z mojego iPhone'a",
                "Odesláno z mého iPhonu", "Отправлено с моего iPhone", "Надіслано з мого iPhone",
                "iPhone'umdan gönderildi", "iPhoneから送信", "从我的 iPhone 发送", "從我的 iPhone 傳送", "내 iPhone에서 보냄",
                "iPhone에서 보냄", "Verstuurd vanaf mijn iPhone", "Trimis de pe iPhone-ul meu", "Στάλθηκε από το iPhone μου",
                "Εστάλη από το Outlook<http://aka.ms/weboutlook>", "נשלח מה-iPhone שלי", "أُرسلت من الـ iPhone",
                "Outlook für Android herunterladen<https://aka.ms/AAb9ysg>", "Sent with Proton Mail secure email.",
                "Get Outlook for iOS", "Télécharger Outlook pour iOS<https://aka.ms/o0ukef>",
                "Gesendet von Outlook für Android<https://aka.ms/AAb9ysg>", "Get Outlook for Android <https://aka.ms/ghei36>", "Obtenir Outlook pour Android", "Sent from Yahoo Mail for iPhone",
                "Sent with Spark", "Sent wirelessly from my BlackBerry device on the Bell network", "--", "-- ",
                "\u1427")) {
            assertTrue(Signatures.startsSignature(footer), footer);
        }
    }

    @Test
    void aSentenceThatOpensLikeAFooterStaysText() {
        for (String sentence : List.of("Sent from my desk, which is easier to type on than my phone, so here goes",
                "Sent from Outlook, but I will answer the rest of the thread tonight when I am back",
                "Von meinem Kollegen habe ich gehört, dass es nicht das erste Mal war", "fix -- this",
                "iPhoneから送信した写真も見てください、入口の近くです", "נשלח מחר", "أرسلت من المكتب أمس",
                "Bitte die Datei herunterladen", "Sent with love and a lot of coffee, as always")) {
            assertFalse(Signatures.startsSignature(sentence), sentence);
        }
    }

    @Test
    void aShortBlockBelowALongDashRuleIsASignature() {
        assertTrue(Signatures.startsRuledSignature(List.of("\u2014\u2014\u2014\u2014", "", "王小满", "志愿者协调人"), 0));
        assertTrue(Signatures.startsRuledSignature(
                List.of("\u2014\u2014\u2014", "Sarah Johnson", "Product Manager", "sarah@example.com", "> quoted"), 0));
    }

    @Test
    void aRuledBlockThatCouldBeTheAuthorsStaysText() {
        String rule = "\u2014\u2014\u2014\u2014\u2014";
        for (List<String> block : List.of(
                List.of(rule, "P.S. She left the social at 22:00."),
                List.of(rule, "APPROVE"),
                List.of(rule, "RESOLVE: warning"),
                List.of(rule, "Next steps", "call the venue", "write to her", "ask Bob", "book a room", "tell Carol",
                        "close it"),
                List.of(rule, "A line far longer than any name, role or address in a signature would ever be"),
                List.of(rule),
                List.of("-----", "Sarah Johnson"))) {
            assertFalse(Signatures.startsRuledSignature(block, 0), block.toString());
        }
    }

    @Test
    void aMailmanFooterNeedsItsRuleItsListLineAndItsAddress() {
        assertTrue(Signatures.startsListFooter(
                List.of("__", "riak-users mailing list", "riak-users@lists.basho.com"), 0));
        assertFalse(Signatures.startsListFooter(List.of("__", "riak-users mailing list"), 0));
        assertFalse(Signatures.startsListFooter(List.of("We should write to the", "riak-users mailing list", "a@b.org"), 0));
        assertFalse(Signatures.startsListFooter(List.of("__", "ask on the riak-users mailing list", "a@b.org"), 0));
    }
}
