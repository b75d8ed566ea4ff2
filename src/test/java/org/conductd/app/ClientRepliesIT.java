package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.conductd.mail.MessageId;
import org.conductd.mail.Severity;
import org.conductd.store.CaseRepository;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies shaped as the common mail clients write them: the command in the new text is
 * carried out, the commands in the quoted mail below it are not.
 */
class ClientRepliesIT extends ConductdIT {

    private String token;

    @BeforeEach
    void openACase() throws Exception {
        mail.send("jane@example.net", "Report", "Someone kept following me.", Map.of());
        conductd.settle();
        token = MessageId.parseOne(mail.receivedBy("alice@example.org", "case-notification").get(0).getMessageID());
    }

    private void deliver(String headersAndBody) {
        mail.deliverRaw("""
                From: Alice Example <alice@example.org>
                To: conduct@example.org
                Subject: Re: [CoC #1] New report
                In-Reply-To: <%s>
                References: <%s>
                Message-ID: <%s@client.example.org>
                MIME-Version: 1.0
                """.formatted(token, token, System.nanoTime()) + headersAndBody);
        conductd.settle();
    }

    private void assertOnlyTheNewCommandRan() {
        assertEquals(Severity.HIGH, conductd.bean(CaseRepository.class).findById(1L).orElseThrow().severity());
        assertTrue(mail.receivedBy("alice@example.org", "command-error").isEmpty(), "the quoted lines were ignored");
        assertEquals(1, mail.receivedBy("alice@example.org", "transcript").size());
    }

    @Test
    void gmailHtmlOnlyReply() {
        deliver("""
                Content-Type: text/html; charset=UTF-8

                <div dir="ltr">SEVERITY: high<div><br></div><div>Thanks all</div></div><br>
                <div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Fri, Nov 20, 2026 at 10:00 AM
                Conduct &lt;conduct@example.org&gt; wrote:<br></div>
                <blockquote class="gmail_quote" style="margin:0 0 0 .8ex">RESOLVE: warning<br>SEVERITY: low</blockquote></div>
                """);
        assertOnlyTheNewCommandRan();
    }

    @Test
    void outlookReplyWithItsHeaderBlock() {
        deliver("""
                Content-Type: text/plain; charset=UTF-8

                SEVERITY: high

                Alice

                ________________________________
                From: Example Conf Code of Conduct team <conduct@example.org>
                Sent: Friday, November 20, 2026 10:00 AM
                To: Alice Example <alice@example.org>
                Subject: [CoC #1] New report: quiet harbor

                RESOLVE: warning
                SEVERITY: low
                """);
        assertOnlyTheNewCommandRan();
    }

    @Test
    void appleMailReplyInBothFormats() {
        deliver("""
                Content-Type: multipart/alternative; boundary="apple"

                --apple
                Content-Type: text/plain; charset=us-ascii

                SEVERITY: high

                > On 20 Nov 2026, at 10:00, Conduct <conduct@example.org> wrote:
                >
                > SEVERITY: low

                --apple
                Content-Type: text/html; charset=us-ascii

                <html><body>SEVERITY: high<br><div><br><blockquote type="cite"><div>On 20 Nov 2026, at 10:00,
                Conduct wrote:</div><div>SEVERITY: low</div></blockquote></div></body></html>
                --apple--
                """);
        assertOnlyTheNewCommandRan();
    }

    @Test
    void thunderbirdBottomPostedReply() {
        deliver("""
                Content-Type: text/plain; charset=UTF-8; format=flowed

                On 20.11.26 10:00, Conduct wrote:
                > New report: quiet harbor
                > SEVERITY: low
                > RESOLVE: warning

                SEVERITY: high

                --\040
                Alice Example, CARE team
                """);
        assertOnlyTheNewCommandRan();
    }
}
