package org.conductd.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * no relay that changes case can break a token.
 */
public final class MessageIdIssuer {

    private static final Pattern TOKEN = Pattern.compile("c(\\d{1,18})\\.([0-9a-f]{24})\\.([0-9a-f]{32})@(.+)");
    /**
     * The nonce and MAC of a member token: all that a forged reply needs, however the id around
     * them is quoted. Only from the start of a run of hex digits, so a long run is read once.
     */
    private static final Pattern TOKEN_NONCE_AND_MAC =
            Pattern.compile("(?<![0-9a-fA-F])[0-9a-fA-F]{24}\\.[0-9a-fA-F]{32}");
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
        if (messageId == null) {
            return false;
        }
        Matcher m = TOKEN.matcher(messageId);
        if (!m.matches() || !m.group(4).equalsIgnoreCase(domain)) {
            return false;
        }
        if (Long.parseLong(m.group(1)) != caseNumber) {
            return false;
        }
        byte[] expected = mac(caseNumber, member, m.group(2)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The text with the nonce and MAC of every member token in it replaced by "[token]", for
     * text conductd keeps or shows that may quote its Message-IDs (a bounce, a forwarded
     * message): a token is for the member it was sent to and nobody else. Null stays null.
     */
    public static String withoutTokens(String text) {
        return text == null ? null : TOKEN_NONCE_AND_MAC.matcher(text).replaceAll("[token]");
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
}
