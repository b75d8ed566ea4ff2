package org.conductd.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Chooses the Message-IDs conductd sends. Mail to a roster member about a case carries a
 * token: an HMAC over the case number, the member's roster address and a nonce, so that a
 * reply referencing it proves it answers mail that member was sent about that case. Its key
 * is the token secret's {@link SecretKeys.Use#MEMBER_TOKEN} key, which nothing else uses.
 *
 * <p>Forms: {@code c<case>.<nonce>.<mac>@domain} (member token), {@code c<case>.<nonce>@domain}
 * (other case mail), {@code n.<nonce>@domain} (mail about no case). Lower-case hex only, so
 * no relay that changes case can break a token. Ids and texts are read with plain scans, in
 * time linear in their length, since anyone can write them.
 */
public final class MessageIdIssuer {

    private static final int MAX_CASE_DIGITS = 18;
    private static final int NONCE_LENGTH = 24;
    private static final int MAC_LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final String domain;
    private final SecureRandom random = new SecureRandom();

    public MessageIdIssuer(String secret, String domain) {
        this.key = new SecretKeySpec(SecretKeys.derive(secret, SecretKeys.Use.MEMBER_TOKEN), "HmacSHA256");
        this.domain = domain;
    }

    /** A Message-ID for mail to {@code member} about case {@code caseNumber}, carrying their token. */
    public String forMember(long caseNumber, EmailAddress member) {
        String nonce = nonce();
        return "c" + caseNumber + "." + nonce + "." + mac(caseNumber, member, nonce) + "@" + domain;
    }

    /** A Message-ID for other mail about a case (to a reporter, say): no token. */
    public String forCase(long caseNumber) {
        return "c" + caseNumber + "." + nonce() + "@" + domain;
    }

    public String forNoCase() {
        return "n." + nonce() + "@" + domain;
    }

    /** True if {@code messageId} is a token conductd issued to {@code member} for case {@code caseNumber}. */
    public boolean isTokenFor(String messageId, long caseNumber, EmailAddress member) {
        Token token = messageId == null ? null : Token.parse(messageId);
        if (token == null || !token.domain().equalsIgnoreCase(domain) || token.caseNumber() != caseNumber) {
            return false;
        }
        byte[] expected = mac(caseNumber, member, token.nonce()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.mac().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The text with the nonce and MAC of every member token in it replaced by "[token]", for
     * text conductd keeps or shows that may quote its Message-IDs (a bounce, a forwarded
     * message): a token is for the member it was sent to and nobody else. Null stays null.
     */
    public static String withoutTokens(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int start = 0;
        while (start < text.length()) {
            if (!isHex(text.charAt(start))) {
                start++;
                continue;
            }
            // A token starts a run of hex digits: within a longer run it is some other number.
            int nonceEnd = hexEnd(text, start);
            int macStart = nonceEnd + 1;
            int macEnd = nonceEnd < text.length() && text.charAt(nonceEnd) == '.' ? hexEnd(text, macStart) : nonceEnd;
            if (nonceEnd - start == NONCE_LENGTH && macEnd - macStart >= MAC_LENGTH) {
                out.append(text, copied, start).append("[token]");
                copied = macStart + MAC_LENGTH;
                start = macEnd;
            } else {
                start = nonceEnd;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Where the run of hex digits (either case) from {@code start} ends. */
    private static int hexEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isHex(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private String nonce() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    private String mac(long caseNumber, EmailAddress member, String nonce) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            String bound = "conductd-token\u0000" + caseNumber + "\u0000" + member.address() + "\u0000" + nonce;
            byte[] full = hmac.doFinal(bound.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(full, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The parts of a member token's id, {@code c<case>.<nonce>.<mac>@<domain>}, lower-case hex. */
    private record Token(long caseNumber, String nonce, String mac, String domain) {

        /** The parts, or null when the id is not written as a member token. */
        static Token parse(String id) {
            int digitsEnd = 1;
            while (digitsEnd < id.length() && id.charAt(digitsEnd) >= '0' && id.charAt(digitsEnd) <= '9') {
                digitsEnd++;
            }
            int nonceStart = digitsEnd + 1;
            int macStart = nonceStart + NONCE_LENGTH + 1;
            int domainStart = macStart + MAC_LENGTH + 1;
            boolean written = id.startsWith("c") && digitsEnd > 1 && digitsEnd - 1 <= MAX_CASE_DIGITS
                    && id.length() > domainStart
                    && id.charAt(digitsEnd) == '.' && isLowerHex(id, nonceStart, NONCE_LENGTH)
                    && id.charAt(macStart - 1) == '.' && isLowerHex(id, macStart, MAC_LENGTH)
                    && id.charAt(domainStart - 1) == '@' && isOneLine(id, domainStart);
            if (!written) {
                return null;
            }
            return new Token(Long.parseLong(id.substring(1, digitsEnd)), id.substring(nonceStart, macStart - 1),
                    id.substring(macStart, domainStart - 1), id.substring(domainStart));
        }

        private static boolean isLowerHex(String id, int start, int length) {
            for (int i = start; i < start + length; i++) {
                char c = id.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return false;
                }
            }
            return true;
        }

        /** No line break from {@code start} on: a domain is one line. */
        private static boolean isOneLine(String id, int start) {
            for (int i = start; i < id.length(); i++) {
                char c = id.charAt(i);
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    return false;
                }
            }
            return true;
        }
    }
}
