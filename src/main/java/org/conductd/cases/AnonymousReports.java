package org.conductd.cases;

import com.google.re2j.Pattern;

/**
 * A report is anonymous when its subject or its first non-empty line says "anonymous"
 * (SPEC §3.1): the team then never sees who sent it.
 */
public final class AnonymousReports {

    /** The word on its own, not inside a longer one; RE2/J, so any subject or line is read in linear time. */
    private static final Pattern WORD =
            Pattern.compile("(?:^|[^\\p{L}\\p{N}])anonymous(?:$|[^\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);

    private AnonymousReports() {
    }

    /** How an anonymous reporter is shown to the team, everywhere. */
    public static String label(long caseId) {
        return "Reporter (anonymous, case " + caseId + ")";
    }

    public static boolean isAnonymous(String subject, String text) {
        if (subject != null && WORD.matcher(subject).find()) {
            return true;
        }
        if (text != null) {
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    return WORD.matcher(line).find();
                }
            }
        }
        return false;
    }
}
