package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.MailKind;
import org.conductd.mail.OutboundMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MimeComposerTest {

    private static final Instant NOW = Instant.parse("2026-05-10T09:30:00Z");
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final EmailAddress CONDUCT = new EmailAddress("Example Conf CoC", "conduct@example.org");

    private final MimeComposer composer = new MimeComposer(Clock.fixed(NOW, ZoneOffset.UTC));

    private static OutboundMessage message(List<EmailAddress> to, String subject, Map<String, String> extra,
                                           String text, String html) {
        return new OutboundMessage(MailKind.CASE_NOTIFICATION, "c42.n1.abc@conduct.example.org", CONDUCT, to,
                CONDUCT, subject, "report-1@mail.example.net",
                List.of("report-1@mail.example.net", "ack-1@conduct.example.org"), extra, text, html);
    }

    private static OutboundMessage simple(String text, String html) {
        return message(List.of(new EmailAddress("Alice Example", "alice@example.org")),
                "[CoC #42] New report: quiet harbor", Map.of(), text, html);
    }

    private MimeMessage roundTrip(OutboundMessage message) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(composer.toBytes(message)));
    }

    private static String rawHeaders(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.US_ASCII);
        return raw.substring(0, raw.indexOf("\r\n\r\n") + 2);
    }

    @Nested
    class Bodies {

        @Test
        void anHtmlBodyGivesMultipartAlternativeWithTextFirst() throws Exception {
            MimeMessage parsed = roundTrip(simple("Hello Ünïcode\n", "<html><body><p>Hello Ünïcode</p></body></html>"));

            assertTrue(parsed.isMimeType("multipart/alternative"), parsed.getContentType());
            Multipart parts = (Multipart) parsed.getContent();
            assertEquals(2, parts.getCount());
            Part text = parts.getBodyPart(0);
            Part html = parts.getBodyPart(1);
            assertTrue(text.isMimeType("text/plain"), text.getContentType());
            assertTrue(text.getContentType().toLowerCase().contains("charset=utf-8"), text.getContentType());
            // Text goes on the wire with CRLF line ends, as RFC 5322 requires.
            assertEquals("Hello Ünïcode\r\n", text.getContent());
            assertTrue(html.isMimeType("text/html"), html.getContentType());
            assertTrue(html.getContentType().toLowerCase().contains("charset=utf-8"), html.getContentType());
            assertEquals("<html><body><p>Hello Ünïcode</p></body></html>", html.getContent());
        }

        @Test
        void withoutHtmlTheMessageIsOneTextPart() throws Exception {
            MimeMessage parsed = roundTrip(simple("Just text, ça va\n", null));

            assertTrue(parsed.isMimeType("text/plain"), parsed.getContentType());
            assertEquals("Just text, ça va\r\n", parsed.getContent());
        }

        @Test
        void theWireFormIsSevenBitClean() {
            byte[] bytes = composer.toBytes(simple("Grüße " + "x".repeat(2000) + "\n", "<p>Grüße</p>"));

            for (byte b : bytes) {
                assertTrue(b >= 0, "8-bit byte on the wire");
            }
        }
    }

    @Nested
    class Headers {

        @Test
        void addressingAndSubjectAreWritten() throws Exception {
            MimeMessage parsed = roundTrip(simple("t", null));

            assertEquals("conduct@example.org", ((InternetAddress) parsed.getFrom()[0]).getAddress());
            assertEquals("Example Conf CoC", ((InternetAddress) parsed.getFrom()[0]).getPersonal());
            assertEquals("conduct@example.org", ((InternetAddress) parsed.getReplyTo()[0]).getAddress());
            assertEquals("alice@example.org", ((InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            assertEquals("[CoC #42] New report: quiet harbor", parsed.getSubject());
            assertEquals(NOW, parsed.getSentDate().toInstant());
        }

        @Test
        void everyRecipientIsInTo() throws Exception {
            MimeMessage parsed = roundTrip(message(List.of(EmailAddress.of("a@example.org"), EmailAddress.of("b@example.org")),
                    "s", Map.of(), "t", null));

            Address[] to = parsed.getRecipients(Message.RecipientType.TO);
            assertEquals(2, to.length);
            assertEquals("b@example.org", ((InternetAddress) to[1]).getAddress());
        }

        @Test
        void theMessageIdIsOursAndSurvivesSavingAgain() throws Exception {
            MimeMessage mime = composer.toMimeMessage(SESSION, simple("t", null));
            mime.saveChanges();

            assertEquals("<c42.n1.abc@conduct.example.org>", mime.getMessageID());
            assertEquals("<c42.n1.abc@conduct.example.org>", roundTrip(simple("t", null)).getMessageID());
        }

        @Test
        void threadingHeadersCarryBracketedIds() throws Exception {
            MimeMessage parsed = roundTrip(simple("t", null));

            assertEquals("<report-1@mail.example.net>", parsed.getHeader("In-Reply-To", null));
            assertEquals("<report-1@mail.example.net> <ack-1@conduct.example.org>",
                    parsed.getHeader("References", null).replaceAll("\\s+", " "));
        }

        @Test
        void aLongReferencesChainIsFolded() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add("message-" + i + "-with-a-longish-id@conduct.example.org");
            }
            OutboundMessage m = new OutboundMessage(MailKind.RELAY, "id@x.org", CONDUCT, List.of(EmailAddress.of("a@x.org")),
                    null, "s", null, ids, Map.of(), "t", null);

            for (String line : rawHeaders(composer.toBytes(m)).split("\r\n")) {
                assertTrue(line.length() <= 998, "header line of " + line.length() + " chars");
            }
        }

        @Test
        void theKindHeaderNamesTheKind() throws Exception {
            assertEquals("case-notification", roundTrip(simple("t", null)).getHeader(MimeComposer.KIND_HEADER, null));
        }

        @Test
        void extraHeadersAreWritten() throws Exception {
            MimeMessage parsed = roundTrip(message(List.of(EmailAddress.of("a@x.org")), "s",
                    Map.of("Auto-Submitted", "auto-replied", "Thread-Topic", "Grüße aus Köln"), "t", null));

            assertEquals("auto-replied", parsed.getHeader("Auto-Submitted", null));
            assertEquals("Grüße aus Köln",
                    jakarta.mail.internet.MimeUtility.decodeText(parsed.getHeader("Thread-Topic", null)));
        }

        @Test
        void aMessageWithoutReplyToOrInReplyToLeavesThemOut() throws Exception {
            OutboundMessage m = new OutboundMessage(MailKind.DIGEST, "d1@x.org", CONDUCT, List.of(EmailAddress.of("o@x.org")),
                    null, "Weekly digest", null, List.of(), Map.of(), "t", null);

            MimeMessage parsed = roundTrip(m);
            assertNull(parsed.getHeader("In-Reply-To"));
            assertNull(parsed.getHeader("References"));
            assertNull(parsed.getHeader("Reply-To"));
        }

        @Test
        void nonAsciiSubjectAndNamesAreEncoded() throws Exception {
            OutboundMessage m = message(List.of(new EmailAddress("Zoë Ångström 日本", "zoe@example.org")),
                    "[CoC #7] Re: Vortrag über Café – 日本語", Map.of(), "t", null);

            byte[] bytes = composer.toBytes(m);
            MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));

            assertTrue(rawHeaders(bytes).contains("=?UTF-8?"), rawHeaders(bytes));
            assertEquals("[CoC #7] Re: Vortrag über Café – 日本語", parsed.getSubject());
            assertEquals("Zoë Ångström 日本", ((InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0]).getPersonal());
        }
    }

    @Nested
    class HostileInput {

        @Test
        void aDisplayNameWithALineBreakCannotAddAHeaderOrRecipient() throws Exception {
            EmailAddress evil = new EmailAddress("Eve\r\nBcc: victim@example.org\r\nX-Evil: yes", "eve@example.org");

            byte[] bytes = composer.toBytes(message(List.of(evil), "s", Map.of(), "t", null));
            MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));

            assertEquals(1, parsed.getAllRecipients().length);
            assertEquals("eve@example.org", ((InternetAddress) parsed.getAllRecipients()[0]).getAddress());
            assertNull(parsed.getHeader("Bcc"));
            assertNull(parsed.getHeader("X-Evil"));
            assertFalse(rawHeaders(bytes).contains("\nBcc:"), rawHeaders(bytes));
        }

        @Test
        void aDisplayNameWithQuotesAnglesAndCommasStaysOneRecipient() throws Exception {
            String name = "Mallory \"<victim@example.org>\", other@example.org <x@y>";
            EmailAddress evil = new EmailAddress(name, "mallory@example.org");

            MimeMessage parsed = roundTrip(message(List.of(evil), "s", Map.of(), "t", null));

            Address[] to = parsed.getRecipients(Message.RecipientType.TO);
            assertEquals(1, to.length);
            assertEquals("mallory@example.org", ((InternetAddress) to[0]).getAddress());
            assertEquals(name, ((InternetAddress) to[0]).getPersonal());
        }

        @Test
        void aFromNameWithALineBreakCannotAddAHeader() throws Exception {
            OutboundMessage m = new OutboundMessage(MailKind.ACK, "a1@x.org",
                    new EmailAddress("CoC\nX-Evil: 1", "conduct@example.org"), List.of(EmailAddress.of("r@x.org")),
                    null, "s", null, List.of(), Map.of(), "t", null);

            MimeMessage parsed = roundTrip(m);
            assertNull(parsed.getHeader("X-Evil"));
            assertEquals("CoC X-Evil: 1", ((InternetAddress) parsed.getFrom()[0]).getPersonal());
        }

        @Test
        void anExtraHeaderValueWithALineBreakIsRefused() {
            OutboundMessage m = message(List.of(EmailAddress.of("a@x.org")), "s",
                    Map.of("Thread-Topic", "topic\r\nBcc: victim@example.org"), "t", null);

            assertThrows(IllegalArgumentException.class, () -> composer.toBytes(m));
        }

        @Test
        void aRefusalNamesTheKindOfMailNotItsMessageIdWhichForAMemberIsTheirToken() {
            OutboundMessage m = message(List.of(), "s", Map.of(), "t", null);

            String refusal = assertThrows(IllegalArgumentException.class, () -> composer.toBytes(m)).getMessage();

            assertEquals("The case-notification message has no recipient", refusal);
        }

        @Test
        void anExtraHeaderCannotReplaceOneTheComposerWrites() {
            OutboundMessage m = message(List.of(EmailAddress.of("a@x.org")), "s",
                    Map.of("from", "boss@example.org"), "t", null);

            assertThrows(IllegalArgumentException.class, () -> composer.toBytes(m));
        }

        @Test
        void anExtraHeaderNameWithAColonIsRefused() {
            OutboundMessage m = message(List.of(EmailAddress.of("a@x.org")), "s",
                    Map.of("X-A: b\r\nBcc", "v"), "t", null);

            assertThrows(IllegalArgumentException.class, () -> composer.toBytes(m));
        }

        @Test
        void aSubjectWithALineBreakIsRefused() {
            OutboundMessage m = message(List.of(EmailAddress.of("a@x.org")), "s\r\nBcc: v@x.org", Map.of(), "t", null);

            assertThrows(IllegalArgumentException.class, () -> composer.toBytes(m));
        }

        @Test
        void anAddressWithALineBreakIsRefused() {
            OutboundMessage m = message(List.of(EmailAddress.of("a@x.org\r\nBcc: v@x.org")), "s", Map.of(), "t", null);

            assertThrows(IllegalArgumentException.class, () -> composer.toBytes(m));
        }

        @Test
        void aMessageIdWithBracketsOrSpacesIsRefused() {
            OutboundMessage m = new OutboundMessage(MailKind.ACK, "a@x.org> <b@y.org", CONDUCT,
                    List.of(EmailAddress.of("r@x.org")), null, "s", null, List.of(), Map.of(), "t", null);

            assertThrows(IllegalArgumentException.class, () -> composer.toBytes(m));
        }

        @Test
        void aMessageWithoutRecipientsIsRefused() {
            OutboundMessage m = message(Collections.emptyList(), "s", Map.of(), "t", null);

            assertThrows(IllegalArgumentException.class, () -> composer.toBytes(m));
        }
    }

    @Test
    void composingTheSameMessageTwiceGivesTheSameHeaders() {
        OutboundMessage m = simple("t", null);

        assertArrayEquals(rawHeaders(composer.toBytes(m)).getBytes(), rawHeaders(composer.toBytes(m)).getBytes());
    }
}
