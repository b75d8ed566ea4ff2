package org.conductd.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {

    private static final List<String> TRUSTED = List.of("mx.example.org");

    @Test
    void dmarcPassFromTheTrustedServerPasses() {
        assertTrue(AuthenticationResults.passes(List.of(
                "mx.example.org; spf=pass smtp.mailfrom=gmail.com; dmarc=pass (p=NONE) header.from=gmail.com"),
                TRUSTED, "gmail.com"));
    }

    @Test
    void alignedDkimPassPasses() {
        assertTrue(AuthenticationResults.passes(List.of("mx.example.org 1; dkim=pass header.d=mail.example.net"),
                TRUSTED, "example.net"));
    }

    @Test
    void dkimPassOfAnotherDomainDoesNotPass() {
        assertFalse(AuthenticationResults.passes(List.of("mx.example.org; dkim=pass header.d=mailer.evil.test"),
                TRUSTED, "example.net"));
    }

    @Test
    void dmarcPassForAnotherDomainDoesNotPass() {
        assertFalse(AuthenticationResults.passes(List.of("mx.example.org; dmarc=pass header.from=evil.test"),
                TRUSTED, "gmail.com"));
    }

    @Test
    void headerFromInADkimResultIsNotASigningDomain() {
        assertFalse(AuthenticationResults.passes(List.of("mx.example.org; dkim=pass header.d=evil.test header.from=gmail.com"),
                TRUSTED, "gmail.com"));
    }

    @Test
    void dmarcFailDoesNotPass() {
        assertFalse(AuthenticationResults.passes(List.of("mx.example.org; dmarc=fail header.from=gmail.com"),
                TRUSTED, "gmail.com"));
    }

    @Test
    void headerFromAnUntrustedServerIsIgnored() {
        assertFalse(AuthenticationResults.passes(List.of("attacker.test; dmarc=pass header.from=gmail.com"),
                TRUSTED, "gmail.com"));
    }

    @Test
    void onlyTheTopmostTrustedHeaderCounts() {
        assertFalse(AuthenticationResults.passes(List.of(
                "mx.example.org; dmarc=fail header.from=gmail.com",
                "mx.example.org; dmarc=pass header.from=gmail.com"), TRUSTED, "gmail.com"));
    }

    @Test
    void semicolonInsideACommentDoesNotSplitResults() {
        assertTrue(AuthenticationResults.passes(List.of(
                "mx.example.org; spf=fail (sender; not permitted) smtp.mailfrom=x; dmarc=pass header.from=gmail.com"),
                TRUSTED, "gmail.com"));
    }

    @Test
    void noHeaderAtAllDoesNotPass() {
        assertFalse(AuthenticationResults.passes(List.of(), TRUSTED, "gmail.com"));
    }

    private static boolean passes(String header, String fromDomain) {
        return AuthenticationResults.passes(List.of(header), TRUSTED, fromDomain);
    }

    @Test
    void semicolonsAndEqualsInsideAQuotedLocalPartAreText() {
        assertFalse(passes("mx.example.org; spf=fail smtp.mailfrom=\"x;dmarc=pass header.from=example.org;\"@evil.example",
                "example.org"));
    }

    @Test
    void anEscapedQuoteDoesNotEndTheQuotedString() {
        assertFalse(passes("mx.example.org; spf=fail smtp.mailfrom=\"x\\\";dmarc=pass header.from=example.org;\\\"\"@evil.example",
                "example.org"));
    }

    @Test
    void aQuotedValueIsUnquoted() {
        assertTrue(passes("mx.example.org; dmarc=pass reason=\"policy; ok\" header.from=\"example.org\"", "example.org"));
    }

    @Test
    void aPassInsideACommentIsNoResult() {
        assertFalse(passes("mx.example.org; dmarc=fail (dmarc=pass) header.from=example.org", "example.org"));
        assertFalse(passes("mx.example.org; spf=fail (x; dmarc=pass header.from=example.org) smtp.mailfrom=x", "example.org"));
    }

    @Test
    void nestedCommentsEndAtTheirOwnParenthesis() {
        assertFalse(passes("mx.example.org; spf=fail (a (b) ; dmarc=pass header.from=example.org) smtp.mailfrom=x",
                "example.org"));
        assertTrue(passes("mx.example.org (a (b (c))); dmarc=pass (p=NONE (sp=NONE)) header.from=example.org",
                "example.org"));
    }

    @Test
    void anEscapedParenthesisDoesNotEndTheComment() {
        assertFalse(passes("mx.example.org; spf=fail (a \\) ; dmarc=pass header.from=example.org ) smtp.mailfrom=x",
                "example.org"));
    }

    /** A trusted server echoing an encoded-word as the envelope sender: raw, it is one odd local part. */
    @Test
    void anEncodedWordInTheEnvelopeSenderStaysText() {
        assertFalse(passes("mx.example.org; spf=fail smtp.mailfrom=\"=?us-ascii?q?x=3Bdmarc=3Dpass_header=2Efrom="
                + "3Dexample=2Eorg=3B?=@evil.example\"; dmarc=fail header.from=example.org", "example.org"));
        assertFalse(passes("mx.example.org; spf=fail smtp.mailfrom==?us-ascii?q?x=3Bdmarc=3Dpass_header=2Efrom="
                + "3Dexample=2Eorg=3B?=@evil.example; dkim=none", "example.org"));
    }

    /** The decoded form of the same attack, quoted as the server wrote it: the quotes still hold. */
    @Test
    void theDecodedEnvelopeSenderStaysInsideItsQuotes() {
        assertFalse(passes("mx.example.org; spf=fail smtp.mailfrom=\"x;dmarc=pass header.from=example.org;@evil.example\"",
                "example.org"));
    }

    @Test
    void aPropertySmuggledThroughAnEncodedWordIsPartOfTheValue() {
        assertFalse(passes("mx.example.org; dkim=fail header.d==?us-ascii?q?example=2Eorg=3Bdmarc=3Dpass_header=2E"
                + "from=3Dexample=2Eorg?=", "example.org"));
    }

    @Test
    void aDmarcFailBeatsAPassInTheSameHeader() {
        assertFalse(passes("mx.example.org; dmarc=pass header.from=example.org; dmarc=fail header.from=example.org",
                "example.org"));
        assertFalse(passes("mx.example.org; dkim=pass header.d=example.org; dmarc=fail header.from=example.org",
                "example.org"));
    }

    @Test
    void anUntrustedHeaderOnTopIsSkippedNotTaken() {
        assertFalse(AuthenticationResults.passes(List.of(
                "attacker.test; dmarc=pass header.from=example.org",
                "mx.example.org; dmarc=fail header.from=example.org",
                "mx.example.org; dmarc=pass header.from=example.org"), TRUSTED, "example.org"));
        assertTrue(AuthenticationResults.passes(List.of(
                "attacker.test; dmarc=fail header.from=example.org",
                "mx.example.org; dmarc=pass header.from=example.org"), TRUSTED, "example.org"));
    }

    @Test
    void anIdThatOnlyStartsLikeATrustedOneIsNotTrusted() {
        assertFalse(passes("mx.example.org.evil.test; dmarc=pass header.from=example.org", "example.org"));
        assertFalse(passes("mx.example.org/evil; dmarc=pass header.from=example.org", "example.org"));
        assertTrue(passes("\"MX.Example.ORG\" 1; dmarc=pass header.from=example.org", "example.org"));
    }

    @Test
    void dkimAlignsWithParentAndChildDomainsOnly() {
        assertTrue(passes("mx.example.org; dkim=pass header.d=example.org", "lists.example.org"));
        assertTrue(passes("mx.example.org; dkim=pass header.i=@mail.example.org header.s=s1", "example.org"));
        assertFalse(passes("mx.example.org; dkim=pass header.d=evilexample.org", "example.org"));
        assertFalse(passes("mx.example.org; dkim=pass header.d=example.org.evil.test", "example.org"));
        assertFalse(passes("mx.example.org; dkim=pass header.d=org", "example.org"));
        assertFalse(passes("mx.example.org; dkim=pass header.d=example.org header.i=\"x@example.org\"@evil.test",
                "example.org"));
        assertFalse(passes("mx.example.org; dkim=fail header.d=example.org", "example.org"));
    }

    @Test
    void dmarcCountsOnlyForExactlyTheFromDomain() {
        assertFalse(passes("mx.example.org; dmarc=pass header.from=example.org.evil.test", "example.org"));
        assertFalse(passes("mx.example.org; dmarc=pass header.from=mail.example.org", "example.org"));
        assertFalse(passes("mx.example.org; dmarc=pass", "example.org"));
        assertTrue(passes("mx.example.org; DMARC=Pass Header.From=Example.ORG.", "example.org"));
    }

    @Test
    void noneIsNoResult() {
        assertFalse(passes("mx.example.org; none", "example.org"));
        assertFalse(passes("mx.example.org 1; none", "example.org"));
    }

    @Test
    void anUnreadableTrustedHeaderPassesNothing() {
        assertFalse(passes("mx.example.org; dmarc=pass header.from=example.org; spf=fail smtp.mailfrom=\"x", "example.org"));
        assertFalse(passes("mx.example.org; dmarc=pass header.from=example.org; spf=fail (x", "example.org"));
        assertFalse(passes("mx.example.org dmarc=pass header.from=example.org", "example.org"));
        assertFalse(AuthenticationResults.passes(List.of(
                "mx.example.org; spf=fail (x",
                "mx.example.org; dmarc=pass header.from=example.org"), TRUSTED, "example.org"));
    }

    @Test
    void aResultOutsideTheGrammarIsSkipped() {
        assertTrue(passes("mx.example.org; x=y=z ) garbage \"; ;\"; dmarc=pass header.from=example.org", "example.org"));
    }

    @Test
    void headersAsRealServersWriteThemPass() {
        assertTrue(passes("mx.example.org;       dkim=pass header.i=@example.org header.s=20230601 header.b=Ab/c+D=;"
                + "       spf=pass (mx.example.org: domain of alice@example.org designates 192.0.2.1 as permitted sender)"
                + " smtp.mailfrom=alice@example.org;       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.org",
                "example.org"));
        assertTrue(passes("mx.example.org; spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=example.org; dkim=pass"
                + " (signature was verified) header.d=example.org;dmarc=pass action=none header.from=example.org;"
                + "compauth=pass reason=100", "example.org"));
        assertTrue(passes("mx.example.org 1; dkim/1 = pass header . d = example.org", "example.org"));
    }

    @Test
    void aTrustedHeaderLongerThanTheLimitPassesNothing() {
        String padding = "x".repeat(AuthenticationResultsHeader.MAX_LENGTH);
        assertFalse(passes("mx.example.org; dmarc=pass header.from=example.org; spf=none smtp.mailfrom=" + padding,
                "example.org"));
    }

    @Test
    void onlyTheFirstHeadersAreLookedAt() {
        List<String> headers = new ArrayList<>(Collections.nCopies(AuthenticationResults.MAX_HEADERS, "other.test; none"));
        headers.add("mx.example.org; dmarc=pass header.from=example.org");
        assertFalse(AuthenticationResults.passes(headers, TRUSTED, "example.org"));
        headers.remove(0);
        assertTrue(AuthenticationResults.passes(headers, TRUSTED, "example.org"));
    }

    /** Deep nesting and long headers take one pass: generous bound, a quadratic reading takes minutes. */
    @Test
    void hostileHeadersAreReadInLinearTime() {
        String nested = "(".repeat(50_000) + ")".repeat(50_000);
        List<String> headers = Collections.nCopies(2_000, "mx.example.org; dmarc=fail " + nested);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertFalse(AuthenticationResults.passes(headers, TRUSTED, "example.org"));
            assertFalse(AuthenticationResults.passes(headers, List.of("other.test"), "example.org"));
        });
    }
}
