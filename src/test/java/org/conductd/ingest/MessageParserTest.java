package org.conductd.ingest;

import static org.conductd.ingest.MailFixtures.outcome;
import static org.conductd.ingest.MailFixtures.parsed;
import static org.conductd.ingest.MailFixtures.parsedText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.conductd.mail.Attachment;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.InboundMessage;
import org.conductd.mail.MailHeader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MessageParserTest {

    @Nested
    class PlainReport {

        private final InboundMessage message = parsed("plain-report");

        @Test
        void fromIsTheFirstMailboxWithItsDisplayName() {
            assertEquals(new EmailAddress("Alex Reporter", "alex@example.org"), message.from());
        }

        @Test
        void recipientListsAreParsed() {
            assertEquals(List.of(EmailAddress.of("conduct@example.net")), message.to());
            assertEquals(List.of(new EmailAddress("Sam Witness", "sam@example.com"),
                    EmailAddress.of("robin@example.com")), message.cc());
            assertEquals(List.of(EmailAddress.of("alex.private@example.org")), message.replyTo());
        }

        @Test
        void subjectIsUnfolded() {
            assertEquals("Report about the meetup on Saturday", message.subject());
        }

        @Test
        void idsAreParsedWithoutBrackets() {
            assertEquals("report-1@example.org", message.messageId());
            assertEquals(List.of("earlier-1@example.net"), message.inReplyTo());
            assertEquals(List.of("earlier-0@example.net", "earlier-1@example.net"), message.references());
        }

        @Test
        void dateIsReadAsAnInstant() {
            assertEquals(Instant.parse("2025-03-03T10:15:00Z"), message.date());
        }

        @Test
        void returnPathIsTheBareAddress() {
            assertEquals("alex@example.org", message.returnPath());
        }

        @Test
        void textIsThePlainBody() {
            assertEquals("Hello,\n\nI want to report what happened at the meetup on Saturday.\n\nAlex\n",
                    message.text());
            assertFalse(message.textFromHtml());
        }

        @Test
        void everyHeaderFieldIsKeptInOrderAndUnfolded() {
            List<MailHeader> headers = message.headers();
            assertEquals("Return-Path", headers.get(0).name());
            assertEquals("Received", headers.get(1).name());
            assertEquals(new MailHeader("Subject", "Report about the meetup on Saturday"), headers.get(6));
            assertEquals(14, headers.size());
        }

        @Test
        void contentTypeIsTheTopLevelMimeType() {
            assertEquals("text/plain", message.contentType());
        }
    }

    @Test
    void htmlOnlyReportYieldsReadableText() {
        InboundMessage message = parsed("html-only-report");
        assertEquals("Hello team,\n\nFirst paragraph with bold text.\nSecond line.\n\n- one\n- two\n\n"
                + "> Quoted earlier mail\n\nThanks a lot", message.text());
        assertTrue(message.textFromHtml());
    }

    @Test
    void htmlTextLeavesOutScriptsStylesAndTheTitle() {
        String text = parsed("html-only-report").text();
        assertFalse(text.contains("alert"));
        assertFalse(text.contains("color"));
        assertFalse(text.contains("ignored title"));
    }

    @Test
    void plainAlternativeIsPreferredOverHtmlWhereverItStands() {
        InboundMessage message = parsed("alternative-report");
        assertEquals("The plain version", message.text());
        assertFalse(message.textFromHtml());
        assertTrue(message.attachments().isEmpty());
    }

    @Test
    void encodedWordsInSubjectAndDisplayNamesAreDecoded() {
        InboundMessage message = parsed("encoded-subject-and-name");
        assertEquals("Bericht über das Treffen am Samstag", message.subject());
        assertEquals("Jürgen Müller", message.from().name());
        assertEquals("Team für Verhalten", message.to().get(0).name());
    }

    @Test
    void encodedWordsAreDecodedInTheHeaderList() {
        assertEquals("Bericht über das Treffen am Samstag",
                parsed("encoded-subject-and-name").header("Subject"));
    }

    @Test
    void isoLatin1BodyIsDecoded() {
        assertEquals("J'ai été témoin – désolé.\n", parsed("latin1-body").text());
    }

    @Test
    void rawLatin1BytesInADisplayNameAreRead() {
        assertEquals("René", parsed("latin1-body").from().name());
    }

    @Test
    void unknownCharsetFallsBackWithoutFailing() {
        InboundMessage message = parsed("unknown-charset");
        assertEquals("Café incident, plain UTF-8 bytes.\n", message.text());
        assertTrue(message.subject().endsWith("report"));
    }

    @Test
    void nonAsciiDisplayNameDoesNotCutTheAddressShort() {
        InboundMessage message = parsedText("From: Jürgen <juergen@example.de>\nSubject: x\n\nbody\n");
        assertEquals(new EmailAddress("Jürgen", "juergen@example.de"), message.from());
    }

    @Test
    void crlfLineEndsBecomeNewlines() {
        assertEquals("one\ntwo\n", parsedText("From: a@example.org\n\none\ntwo\n").text());
    }

    @Test
    void multipartWhoseBoundaryNeverAppearsKeepsItsTextAsTheBody() {
        InboundMessage message = parsedText("""
                From: MAILER-DAEMON@mx.example.org
                Content-Type: multipart/report; report-type=delivery-status; boundary="never-used"

                The original message was received at Thu, 29 Apr 1999.
                """);
        assertEquals("The original message was received at Thu, 29 Apr 1999.\n", message.text());
    }

    @Test
    void nullReturnPathIsTheEmptyString() {
        assertEquals("", parsed("null-return-path").returnPath());
    }

    @Test
    void absentReturnPathIsNull() {
        assertNull(parsed("html-only-report").returnPath());
    }

    @Test
    void unparseableDateIsNull() {
        assertNull(parsedText("From: a@example.org\nDate: yesterday-ish\n\nx\n").date());
    }

    /**
     * Authentication-Results must be parsed undecoded: an encoded-word the receiving server
     * echoed from the envelope sender decodes to syntax ("; dmarc=pass ...").
     */
    @Test
    void everyHeaderIsAlsoKeptUndecodedAndUnfolded() {
        InboundMessage message = parsedText("""
                Authentication-Results: mx.example.org; spf=fail
                 smtp.mailfrom==?us-ascii?q?x=3Bdmarc=3Dpass_header=2Efrom=3Dexample=2Eorg=3B?=@evil.example
                From: a@example.org

                x
                """);
        assertEquals("mx.example.org; spf=fail smtp.mailfrom=x;dmarc=pass header.from=example.org;@evil.example",
                message.headers("Authentication-Results").get(0));
        assertEquals(List.of("mx.example.org; spf=fail smtp.mailfrom==?us-ascii?q?x=3Bdmarc=3Dpass_header=2Efrom="
                + "3Dexample=2Eorg=3B?=@evil.example"), message.rawHeaders("Authentication-Results"));
    }

    @Test
    void garbageInToIsSkipped() {
        InboundMessage message = parsedText("From: a@example.org\nTo: <<<>>>, ok@example.org, nonsense\n\nx\n");
        assertEquals(List.of(EmailAddress.of("ok@example.org")), message.to());
    }

    @Nested
    class Attachments {

        @Test
        void pathComponentsAreStrippedFromFileNames() {
            List<Attachment> attachments = parsed("attachment-with-path-filename").attachments();
            assertEquals("passwd", attachments.get(0).fileName());
            assertEquals("evil name.png", attachments.get(1).fileName());
        }

        @Test
        void contentIsTransferDecoded() {
            Attachment passwd = parsed("attachment-with-path-filename").attachments().get(0);
            assertArrayEquals("root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.US_ASCII),
                    passwd.content());
            assertEquals("application/octet-stream", passwd.contentType());
        }

        @Test
        void rfc2231FileNameIsDecodedAcrossContinuations() {
            assertEquals("Notizen zum Vorfall – München.pdf",
                    parsed("rfc2231-filename").attachments().get(0).fileName());
        }

        @Test
        void encodedWordFileNameIsDecoded() {
            Attachment text = parsed("rfc2231-filename").attachments().get(1);
            assertEquals("ätsch.txt", text.fileName());
            assertEquals("text/plain", text.contentType());
        }

        @Test
        void textPartMarkedAsAttachmentIsNotTheBody() {
            assertEquals("Notes attached.", parsed("rfc2231-filename").text());
        }

        @Test
        void forwardedMessageIsAnAttachmentWithItsRawBytes() {
            InboundMessage message = parsed("forwarded-message");
            Attachment forwarded = message.attachments().get(0);
            assertEquals("forwarded-message.eml", forwarded.fileName());
            assertEquals("message/rfc822", forwarded.contentType());
            String inner = new String(forwarded.content(), StandardCharsets.UTF_8);
            assertTrue(inner.startsWith("From: Someone <someone@example.com>"));
            assertTrue(inner.contains("Inner text that must not become the report text."));
        }

        @Test
        void forwardedMessageTextIsNotTheReportText() {
            assertEquals("Forwarding the message I got.", parsed("forwarded-message").text());
        }

        @Test
        void reportPartsAreKeptAsAttachments() {
            List<String> types = parsed("dsn-bounce-from-mailer-daemon").attachments().stream()
                    .map(Attachment::contentType).toList();
            assertEquals(List.of("message/delivery-status", "text/rfc822-headers"), types);
        }
    }

    @Nested
    class Refusals {

        @Test
        void messageWithoutFromIsUnparseable() {
            assertEquals("The message has no usable From address.",
                    assertInstanceOf(ParseOutcome.Unparseable.class, outcome("no-from")).reason());
        }

        @Test
        void messageWithoutAnyHeaderIsUnparseable() {
            assertEquals("The message has no header section.",
                    assertInstanceOf(ParseOutcome.Unparseable.class, outcome("no-header")).reason());
        }

        @Test
        void emptyInputIsUnparseable() {
            assertInstanceOf(ParseOutcome.Unparseable.class, new MessageParser().parse(new byte[0]));
        }
    }
}
