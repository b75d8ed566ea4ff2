package org.conductd.cases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
