package org.conductd.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.conductd.access.AuthenticationResultsHeader.Result;

/**
 * Reads RFC 8601 {@code Authentication-Results} headers: does the topmost one written by a
 * trusted server (its authserv-id) show that the From domain passed DMARC, or passed DKIM
 * with a signing domain aligned to it? Only a header from one's own border servers can be
 * trusted, since anyone can write the header into a message: every other header, and every
 * header of that id below the topmost, is ignored (the border server writes its own above
 * whatever the sender put in).
 *
 * <p>The values must be the raw ones, undecoded (see {@link AuthenticationResultsHeader}).
 * At most {@value #MAX_HEADERS} headers are looked at, each of at most
 * {@value AuthenticationResultsHeader#MAX_LENGTH} characters; a trusted header that is too long
 * or cannot be read passes nothing.
 */
public final class AuthenticationResults {

    /** The trusted header sits near the top; deeper ones are not looked for. */
    static final int MAX_HEADERS = 32;

    private AuthenticationResults() {
    }

    /** True if the topmost header from a trusted authserv-id shows DMARC pass or aligned DKIM pass. */
    public static boolean passes(List<String> rawHeaderValues, List<String> trustedIds, String fromDomain) {
        String from = domain(fromDomain);
        if (from.isEmpty()) {
            return false;
        }
        int looked = 0;
        for (String value : rawHeaderValues) {
            if (++looked > MAX_HEADERS) {
                return false;
            }
            AuthenticationResultsHeader header = AuthenticationResultsHeader.parse(value);
            String id = header.authservId();
            if (id != null && trustedIds.stream().anyMatch(t -> t.equalsIgnoreCase(id))) {
                return header.readable() && showsPass(header.results(), from);
            }
        }
        return false;
    }

    /**
     * A DMARC pass for the From domain or an aligned DKIM pass, unless the same header also
     * says DMARC failed for it: a server does not write both, so that means text it echoed
     * has passed for a result of its own, and the fail is the one to believe.
     */
    private static boolean showsPass(List<Result> results, String from) {
        boolean pass = false;
        for (Result r : results) {
            if (r.method().equals("dmarc")) {
                List<String> domains = normalized(r.domains("header.from"));
                if (r.result().equals("fail") && (domains.isEmpty() || domains.contains(from))) {
                    return false;
                }
                // A DMARC result counts only for the domain of this message's From.
                pass |= r.result().equals("pass") && !domains.isEmpty()
                        && domains.stream().allMatch(from::equals);
            } else if (r.method().equals("dkim") && r.result().equals("pass")) {
                // header.from is no signing domain; header.d and header.i are, and all must align.
                List<String> signers = new ArrayList<>(normalized(r.domains("header.d")));
                signers.addAll(normalized(r.domains("header.i")));
                pass |= !signers.isEmpty() && signers.stream().allMatch(d -> aligned(d, from));
            }
        }
        return pass;
    }

    /**
     * Relaxed alignment, simplified: the signing domain is the From domain or a parent or child
     * of it. DMARC proper compares organizational domains found with the Public Suffix List;
     * this never aligns two different registered domains, only misses siblings such as
     * a.example.org and b.example.org. A single label (a top-level domain) never aligns.
     */
    private static boolean aligned(String signer, String from) {
        return !signer.isEmpty() && (signer.equals(from) || isBelow(signer, from) || isBelow(from, signer));
    }

    private static boolean isBelow(String child, String parent) {
        return parent.indexOf('.') > 0 && child.endsWith("." + parent);
    }

    private static List<String> normalized(List<String> domains) {
        return domains.stream().map(AuthenticationResults::domain).toList();
    }

    /** Lower-cased, without the trailing dot of a fully qualified name. */
    private static String domain(String name) {
        String d = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
