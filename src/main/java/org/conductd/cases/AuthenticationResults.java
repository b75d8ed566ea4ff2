package org.conductd.cases;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RFC 8601 {@code Authentication-Results} headers: does the topmost one written by a
 * trusted server (its authserv-id) show that the From domain passed DMARC, or passed DKIM
 * with a signing domain aligned to it? Only a header from one's own border servers can be
 * trusted, since anyone can write the header into a message.
 */
public final class AuthenticationResults {

    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final Pattern RESULT = Pattern.compile("^\\s*([a-z0-9_-]+)\\s*=\\s*([a-z]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNER = Pattern.compile("header\\.(d|i)\\s*=\\s*@?([^\\s;]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_FROM = Pattern.compile("header\\.from\\s*=\\s*([^\\s;]+)", Pattern.CASE_INSENSITIVE);

    private AuthenticationResults() {
    }

    /** True if the topmost header from a trusted authserv-id shows DMARC pass or aligned DKIM pass. */
    public static boolean passes(List<String> headerValues, List<String> trustedIds, String fromDomain) {
        for (String value : headerValues) {
            String withoutComments = stripComments(value);
            int semicolon = withoutComments.indexOf(';');
            String head = (semicolon < 0 ? withoutComments : withoutComments.substring(0, semicolon)).strip();
            // An authserv-id may be followed by a version number.
            String authservId = head.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (trustedIds.stream().anyMatch(t -> t.equalsIgnoreCase(authservId))) {
                return semicolon >= 0 && showsPass(withoutComments.substring(semicolon + 1), fromDomain);
            }
        }
        return false;
    }

    private static boolean showsPass(String results, String fromDomain) {
        for (String result : results.split(";")) {
            Matcher m = RESULT.matcher(result);
            if (!m.find() || !m.group(2).equalsIgnoreCase("pass")) {
                continue;
            }
            String method = m.group(1).toLowerCase(Locale.ROOT);
            if (method.equals("dmarc") && isForDomain(result, fromDomain)) {
                return true;
            }
            if (method.equals("dkim") && signedByAlignedDomain(result, fromDomain)) {
                return true;
            }
        }
        return false;
    }

    /** A DMARC result counts only for the domain of this message's From. */
    private static boolean isForDomain(String result, String fromDomain) {
        Matcher p = HEADER_FROM.matcher(result);
        return p.find() && p.group(1).equalsIgnoreCase(fromDomain);
    }

    /** Relaxed alignment: the signing domain is the From domain or a parent or child of it. */
    private static boolean signedByAlignedDomain(String result, String fromDomain) {
        Matcher p = SIGNER.matcher(result);
        String from = fromDomain.toLowerCase(Locale.ROOT);
        while (p.find()) {
            String value = p.group(2).toLowerCase(Locale.ROOT);
            String domain = value.contains("@") ? value.substring(value.lastIndexOf('@') + 1) : value;
            if (domain.equals(from) || from.endsWith("." + domain) || domain.endsWith("." + from)) {
                return true;
            }
        }
        return false;
    }

    private static String stripComments(String value) {
        String previous;
        String current = value;
        do {
            previous = current;
            current = COMMENT.matcher(previous).replaceAll(" ");
        } while (!current.equals(previous));
        return current;
    }
}
