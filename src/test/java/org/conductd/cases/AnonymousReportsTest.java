package org.conductd.cases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnonymousReportsTest {

    @Test
    void subjectSayingAnonymousMakesTheCaseAnonymous() {
        assertTrue(AnonymousReports.isAnonymous("Anonymous report", "text"));
    }

    @Test
    void firstNonEmptyLineSayingAnonymousMakesTheCaseAnonymous() {
        assertTrue(AnonymousReports.isAnonymous("Report", "\n\n  I want to stay ANONYMOUS.\nDetails."));
    }

    @Test
    void anonymousLaterInTheTextDoesNot() {
        assertFalse(AnonymousReports.isAnonymous("Report", "Hello,\nthe anonymous survey was mentioned."));
    }

    @Test
    void wordInsideALongerWordDoesNot() {
        assertFalse(AnonymousReports.isAnonymous("Anonymously sent", "hi"));
    }
}
