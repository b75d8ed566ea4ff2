package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.conductd.store.AttachmentRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.StoredAttachment;
import org.conductd.support.ConductdIT;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reporter who writes markup, script links, line breaks and paths into every field they
 * control (From name, Subject, text, HTML, attachment names), through the real daemon: the
 * acknowledgement, the team's notifications and the relay of their follow-up carry no header
 * beyond conductd's own, no HTML that can run script, reach nobody but their recipient, and no
 * file lands anywhere but in the data directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionIT {

    private static final String REPORTER = "eve@example.net";
    private static final String VICTIM = "victim@example.org";

    /** The fields conductd writes into a message, plus what GreenMail adds on receipt. */
    private static final Set<String> MESSAGE_HEADERS = Set.of("date", "from", "reply-to", "to", "message-id",
            "subject", "in-reply-to", "references", "mime-version", "content-type", "content-transfer-encoding",
            "x-conductd-kind", "thread-index", "thread-topic", "x-auto-response-suppress", "auto-submitted",
            "received", "return-path");
    private static final Set<String> PART_HEADERS = Set.of("content-type", "content-transfer-encoding",
            "content-disposition");

    /**
     * A From name and Subject with line breaks as encoded words (Q and B) that decode to CR/LF,
     * and markup; a text with script, event handlers and script links; attachments named as paths
     * and with line breaks. The follow-up adds a name with LF, NEL and LINE SEPARATOR, a folded
     * subject line that looks like a header, and HTML-only text.
     */
    private static final String REPORT = """
            From: =?UTF-8?Q?Eve=0D=0ABcc=3A_victim=40example=2Eorg=0D=0AX-Injected=3A_from?= <eve@example.net>
            To: conduct@example.org
            Subject: =?UTF-8?Q?<script>alert(1)</script>=0D=0ABcc:_victim@example.org?=
             =?UTF-8?B?Ij48aW1nIHNyYz14IG9uZXJyb3I9YWxlcnQoMik+DQpYLUluamVjdGVkOiBzdWJqZWN0?=
            Message-ID: <hostile-report@example.net>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            <script>alert(1)</script>
            "><img src=x onerror=alert(2)>
            Plain link: javascript:alert(3)
            [x](javascript:alert(4)) [y](JaVaScRiPt:alert(5)) <javascript:alert(6)>
            <a href="javascript:alert(7)">click</a> {{tag}} {{#quote}}x{{/quote}}
            Bcc: victim@example.org
            --b
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="../../x"

            unix path
            --b
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename*=UTF-8''..%5C..%5Cx

            windows path
            --b
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="/etc/passwd"

            root path
            --b
            Content-Type: text/plain
            Content-Disposition: attachment; filename*=UTF-8''evil%0D%0ABcc%3A%20victim%40example.org.txt

            line breaks in an RFC 2231 name
            --b
            Content-Type: application/octet-stream; name="=?UTF-8?Q?report=0D=0AX-Injected:_name.txt?="
            Content-Disposition: attachment

            line breaks in an encoded-word name
            --b--
            """;

    @TempDir
    static Path root;
    private TestMail mail;
    private TestConductd conductd;
    private Path data;
    private final List<MimeMessage> sent = new ArrayList<>();
    /** Paths an escaping attachment name could reach from the working directory, with what was there before. */
    private static final List<String> ESCAPES = List.of("x", "../x", "../../x", "..\\..\\x", "passwd");
    private final Map<String, Boolean> existedBefore = new HashMap<>();

    @BeforeAll
    void reportAndFollowUp() throws Exception {
        for (String escaped : ESCAPES) {
            existedBefore.put(escaped, Files.exists(Path.of(escaped)));
        }
        // Deep inside the temporary folder, so that anything escaping it with ../.. still lands where the test looks.
        data = root.resolve("deep/er/data");
        mail = new TestMail();
        conductd = new TestConductd(mail, data).start();
        mail.deliverRaw(REPORT);
        conductd.settle();
        collectSent();
        String ack = ConductdIT.idOf(conductd("ack").get(0));
        mail.deliverRaw("""
                From: =?UTF-8?B?RXZlCkJjYzogdmljdGltQGV4YW1wbGUub3JnwoVYLUluamVjdGVkOiBuZWzigKhYLUluamVjdGVkOiBscw==?=
                 <eve@example.net>
                To: conduct@example.org
                Subject: Re: more
                 Bcc: victim@example.org
                Message-ID: <hostile-follow-up@example.net>
                In-Reply-To: <%s>
                References: <%s>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="c"

                --c
                Content-Type: text/html; charset=utf-8

                <p>More: <a href="javascript:alert(8)">click</a><script>alert(9)</script>
                <img src=x onerror=alert(10)> <a href=" java&#x09;script:alert(11)">tab</a></p>
                --c
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="../../x"

                again
                --c--
                """.formatted(ack, ack));
        conductd.settle();
        collectSent();
    }

    private void collectSent() {
        sent.clear();
        for (MimeMessage m : mail.greenMail().getReceivedMessages()) {
            if (TestMail.header(m, "X-Conductd-Kind") != null) {
                sent.add(m);
            }
        }
    }

    @AfterAll
    void stop() {
        conductd.close();
        mail.close();
    }

    @Test
    void theReportTheNotificationsAndTheRelayWereAllSent() {
        assertEquals(1, conductd("ack").size());
        assertEquals(TestConductd.TEAM.size(), conductd("case-notification").size());
        assertEquals(TestConductd.TEAM.size(), conductd("relay").size());
    }

    @Test
    void noMessageCarriesAHeaderConductdDidNotWrite() throws Exception {
        // As queued (the bytes conductd put on the wire) and as GreenMail received them.
        List<MimeMessage> queued = new ArrayList<>();
        for (OutboxItem item : conductd.bean(OutboxRepository.class).findAll()) {
            queued.add(new MimeMessage(null, new ByteArrayInputStream(item.raw())));
        }
        assertEquals(sent.size(), queued.size());
        for (MimeMessage m : Stream.concat(queued.stream(), sent.stream()).toList()) {
            for (Header h : Collections.list(m.getAllHeaders())) {
                assertTrue(MESSAGE_HEADERS.contains(h.getName().toLowerCase(Locale.ROOT)),
                        kind(m) + " carries " + h.getName() + ": " + h.getValue());
            }
            for (Part part : parts(m)) {
                for (Header h : Collections.list(part.getAllHeaders())) {
                    assertTrue(PART_HEADERS.contains(h.getName().toLowerCase(Locale.ROOT)),
                            kind(m) + " has a part with " + h.getName() + ": " + h.getValue());
                }
            }
        }
    }

    @Test
    void everyMessageGoesToItsOneRecipientAndNobodyElse() throws Exception {
        for (MimeMessage m : sent) {
            assertEquals(1, m.getAllRecipients().length, kind(m) + " has more than one recipient");
            assertEquals(1, m.getFrom().length);
        }
        // GreenMail opens a mailbox for every address it delivers to.
        assertEquals(null, mail.greenMail().getUserManager().getUserByEmail(VICTIM), "mail was delivered to " + VICTIM);
        assertTrue(mail.receivedBy(VICTIM).isEmpty());
    }

    @Test
    void headerValuesFromTheReporterStayOnOneLine() throws Exception {
        for (MimeMessage m : sent) {
            String subject = m.getSubject();
            assertFalse(subject.contains("\r") || subject.contains("\n"), kind(m) + " subject: " + subject);
            for (jakarta.mail.Address to : m.getAllRecipients()) {
                String name = ((jakarta.mail.internet.InternetAddress) to).getPersonal();
                assertTrue(name == null || !(name.contains("\r") || name.contains("\n")), kind(m) + " to: " + name);
            }
        }
        MimeMessage ack = conductd("ack").get(0);
        assertTrue(ack.getSubject().contains("<script>alert(1)</script> Bcc: victim@example.org"), ack.getSubject());
    }

    @Test
    void noHtmlPartCanRunScriptOrLinkToIt() throws Exception {
        int htmlParts = 0;
        for (MimeMessage m : sent) {
            for (Part part : parts(m)) {
                if (!part.isMimeType("text/html")) {
                    continue;
                }
                htmlParts++;
                String html = (String) part.getContent();
                String lower = html.toLowerCase(Locale.ROOT);
                assertFalse(lower.contains("<script") || lower.contains("<img") || lower.contains("<a href=\"javascript"),
                        kind(m) + ": " + html);
                Document doc = Jsoup.parse(html);
                assertTrue(doc.select("script, img, iframe, object, embed").isEmpty(), kind(m) + ": " + html);
                for (Element e : doc.getAllElements()) {
                    for (Attribute a : e.attributes()) {
                        assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), kind(m) + ": " + e);
                        String value = a.getValue().replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
                        assertFalse(value.startsWith("javascript:"), kind(m) + ": " + e);
                    }
                }
            }
        }
        assertEquals(sent.size(), htmlParts, "every message has its HTML part");
        String notification = htmlOf(conductd("case-notification").get(0));
        assertTrue(notification.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown, as text");
    }

    @Test
    void attachmentNamesAreBareFileNamesWithoutLineBreaks() throws Exception {
        List<String> names = new ArrayList<>();
        for (MimeMessage m : sent) {
            for (Part part : parts(m)) {
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    names.add(MimeUtility.decodeText(part.getFileName()));
                }
            }
        }
        assertEquals(TestConductd.TEAM.size() * 6, names.size(), names.toString());
        for (String name : names) {
            assertFalse(name.contains("/") || name.contains("\\") || name.contains("\r") || name.contains("\n")
                    || name.startsWith("."), name);
        }
        for (StoredAttachment a : conductd.bean(AttachmentRepository.class).findAll()) {
            assertTrue(a.storedName().matches("m\\d+-a\\d+"), a.storedName());
            assertTrue(a.fileName() == null || !a.fileName().matches("(?s).*([/\\\\\\r\\n]|^\\.).*"), a.fileName());
        }
    }

    @Test
    void noFileIsWrittenOutsideTheDataDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> outside = files.filter(Files::isRegularFile).filter(f -> !f.startsWith(data)).toList();
            assertEquals(List.of(), outside);
        }
        try (Stream<Path> files = Files.walk(data)) {
            List<String> names = files.filter(Files::isRegularFile).map(f -> data.relativize(f).toString()).toList();
            assertTrue(names.stream().allMatch(n -> n.startsWith("conductd.db")), names.toString());
        }
        for (String escaped : ESCAPES) {
            // Only what appeared during the test counts: a machine may have such a path already.
            assertFalse(!existedBefore.get(escaped) && Files.exists(Path.of(escaped)),
                    escaped + " appeared relative to the working directory");
        }
    }

    private List<MimeMessage> conductd(String kind) {
        return sent.stream().filter(m -> kind.equals(kind(m))).toList();
    }

    private static String kind(MimeMessage m) {
        return TestMail.header(m, "X-Conductd-Kind");
    }

    /** Every part of a message, however deep, the message itself excluded. */
    private static List<Part> parts(Part p) throws Exception {
        List<Part> all = new ArrayList<>();
        if (p.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.add(child);
                all.addAll(parts(child));
            }
        }
        return all;
    }

    private static String htmlOf(MimeMessage m) throws Exception {
        for (Part part : parts(m)) {
            if (part.isMimeType("text/html")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no HTML part in " + kind(m));
    }
}
