package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.conductd.mail.MessageId;
import org.conductd.mail.Severity;
import org.conductd.store.CaseRepository;
import org.conductd.support.ConductdIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With trusted authserv-ids configured, a command also needs DMARC pass at that server (SPEC §4). */
class DmarcIT extends ConductdIT {

    private String token;

    @Override
    protected Map<String, Object> overrides() {
        return Map.of("conductd.security.trusted-authserv-ids", List.of("mx.example.org"));
    }

    @BeforeEach
    void openACase() throws Exception {
        mail.send("jane@example.net", "Report", "Someone kept following me.", Map.of());
        conductd.settle();
        token = MessageId.parseOne(mail.receivedBy("alice@example.org", "case-notification").get(0).getMessageID());
    }

    private void replyWith(String authenticationResults) {
        mail.deliverRaw("""
                Authentication-Results: %s
                From: Alice Example <alice@example.org>
                To: conduct@example.org
                Subject: Re: [CoC #1]
                In-Reply-To: <%s>
                Message-ID: <%s@client.example.org>

                SEVERITY: high
                """.formatted(authenticationResults, token, System.nanoTime()));
        conductd.settle();
    }

    @Test
    void commandWithDmarcPassFromTheTrustedServerIsCarriedOut() {
        replyWith("mx.example.org; dkim=pass header.d=example.org; dmarc=pass header.from=example.org");

        assertEquals(Severity.HIGH, conductd.bean(CaseRepository.class).findById(1L).orElseThrow().severity());
    }

    @Test
    void commandWithDmarcFailIsRefusedEvenWithAValidToken() throws Exception {
        replyWith("mx.example.org; dmarc=fail header.from=example.org");

        assertNull(conductd.bean(CaseRepository.class).findById(1L).orElseThrow().severity());
        assertTrue(IntakeIT.body(mail.receivedBy("alice@example.org", "refusal").get(0)).contains("DMARC"));
    }

    /** Folded over lines, with comments, quotes and an encoded-word, as servers write it. */
    @Test
    void foldedHeaderWithCommentsAndQuotesIsRead() {
        replyWith("mx.example.org 1;\n\tdkim=pass (2048-bit key; unprotected) header.d=example.org header.s=s1;\n"
                + "\tspf=pass (domain of \"a;b\"@example.org designates 192.0.2.1)"
                + " smtp.mailfrom=\"=?utf-8?q?a=3Bb?=\"@example.org;\n"
                + "\tdmarc=pass (p=none; dis=none) header.from=example.org");

        assertEquals(Severity.HIGH, conductd.bean(CaseRepository.class).findById(1L).orElseThrow().severity());
    }

    /**
     * The trusted server echoes an envelope sender whose local part is an encoded-word hiding
     * "; dmarc=pass header.from=example.org;". Decoded before parsing, it would read as a pass.
     */
    @Test
    void encodedWordInAnEchoedEnvelopeSenderCannotForgeAPass() throws Exception {
        replyWith("mx.example.org; spf=fail smtp.mailfrom=\"=?us-ascii?q?x=3Bdmarc=3Dpass_header=2Efrom=3D"
                + "example=2Eorg=3B?=@evil.example\"; dmarc=fail header.from=example.org");

        assertNull(conductd.bean(CaseRepository.class).findById(1L).orElseThrow().severity());
        assertTrue(IntakeIT.body(mail.receivedBy("alice@example.org", "refusal").get(0)).contains("DMARC"));
    }

    @Test
    void unquotedEncodedWordInAnEchoedEnvelopeSenderCannotForgeAPass() throws Exception {
        replyWith("mx.example.org; spf=fail smtp.mailfrom==?us-ascii?q?x=3Bdmarc=3Dpass_header=2Efrom=3D"
                + "example=2Eorg=3B?=@evil.example; dmarc=fail header.from=example.org");

        assertNull(conductd.bean(CaseRepository.class).findById(1L).orElseThrow().severity());
        assertTrue(IntakeIT.body(mail.receivedBy("alice@example.org", "refusal").get(0)).contains("DMARC"));
    }

    @Test
    void forgedPassBelowTheTrustedServersOwnHeaderCountsForNothing() {
        mail.deliverRaw("""
                Authentication-Results: mx.example.org; dmarc=fail header.from=example.org
                Received: from client.evil.example by mx.example.org; Mon, 3 Mar 2025 10:15:02 +0000
                Authentication-Results: mx.example.org; dmarc=pass header.from=example.org
                From: Alice Example <alice@example.org>
                To: conduct@example.org
                Subject: Re: [CoC #1]
                In-Reply-To: <%s>
                Message-ID: <%s@client.example.org>

                SEVERITY: high
                """.formatted(token, System.nanoTime()));
        conductd.settle();

        assertNull(conductd.bean(CaseRepository.class).findById(1L).orElseThrow().severity());
    }

    @Test
    void passWrittenByAnUntrustedServerCountsForNothing() {
        replyWith("attacker.example.net; dmarc=pass header.from=example.org");

        assertNull(conductd.bean(CaseRepository.class).findById(1L).orElseThrow().severity());
    }
}
