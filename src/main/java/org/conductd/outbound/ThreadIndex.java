package org.conductd.outbound;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.conductd.mail.SecretKeys;

/**
 * Values for Outlook's {@code Thread-Index} and {@code Thread-Topic} headers, so that Outlook
 * shows every message of a case as one conversation (it groups by these, not by References).
 *
 * <p>Format (MS-OXOMSG 2.2.1.3, PidTagConversationIndex; base64 in the header):
 * a 22-byte header block, then one 5-byte child block per reply level.
 * <ul>
 *   <li>header: the top 48 bits of the FILETIME (100 ns ticks since 1601) of the first message,
 *       big-endian (the first byte is the "reserved" 0x01 for any date from 1972 to 2057),
 *       then a 16-byte GUID shared by the whole conversation;</li>
 *   <li>child: 1 bit "delta code", 31 bits of (child time minus header time): bits 18..48 of
 *       the difference when code is 0 (less than about 1.7 years), else bits 23..53; then a
 *       4-bit random number and a 4-bit sequence count.</li>
 * </ul>
 */
public final class ThreadIndex {

    private static final int HEADER_LENGTH = 22;
    private static final int CHILD_LENGTH = 5;
    private static final long FILETIME_TICKS_PER_SECOND = 10_000_000L;
    private static final long SECONDS_FROM_1601_TO_1970 = 11_644_473_600L;
    /**
     * Reply and forward prefixes, on RE2 as a subject is anyone's. In lower case, matched on a
     * copy of the subject with only A to Z lowered: RE2's caseless matching would also take the
     * long s (U+017F) for "s". The blanks are java.util.regex's {@code \\s}.
     */
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|tr)[[:space:]]*(?:\\[[0-9]+\\])?[[:space:]]*:[[:space:]]*)+");

    private ThreadIndex() {
    }

    /**
     * The Thread-Index of a case's first message. The same case always gives the same value: the
     * GUID is an HMAC of the case number, so every later message can share it.
     *
     * @param key the token secret's {@link SecretKeys.Use#THREAD_INDEX} key: everyone the case
     *            writes to sees the GUID, so it is keyed, to keep the ids of other cases from
     *            being guessed, and with a key of its own, so that it gives no handle on any other
     */
    public static String root(long caseNumber, byte[] key, Instant caseOpenedAt) {
        ByteBuffer block = ByteBuffer.allocate(HEADER_LENGTH);
        long ticks = fileTime(caseOpenedAt);
        for (int shift = 56; shift >= 16; shift -= 8) {
            block.put((byte) (ticks >>> shift));
        }
        block.put(guid(caseNumber, key));
        return Base64.getEncoder().encodeToString(block.array());
    }

    /**
     * The Thread-Index of a later message of the case: {@code root} plus one child block for the
     * time since the case was opened.
     *
     * @param caseOpenedAt the instant {@code root} was made from
     */
    public static String child(String root, Instant caseOpenedAt, Instant now) {
        byte[] parent = Base64.getDecoder().decode(root);
        if (parent.length < HEADER_LENGTH || (parent.length - HEADER_LENGTH) % CHILD_LENGTH != 0) {
            throw new IllegalArgumentException("Not a Thread-Index: " + root);
        }
        // The header keeps only the top 48 bits, so the difference is taken from that truncated time.
        long headerTicks = fileTime(caseOpenedAt) & ~0xFFFFL;
        long delta = Math.max(0, fileTime(now) - headerTicks);
        int timeBits;
        if (delta < (1L << 49)) {
            timeBits = (int) (delta >>> 18);
        } else {
            timeBits = 0x8000_0000 | (int) Math.min(delta >>> 23, 0x7FFF_FFFFL);
        }
        // Random number and sequence count stay 0, as in the replies Outlook writes itself; that also
        // keeps the value the same for the same inputs.
        ByteBuffer out = ByteBuffer.allocate(parent.length + CHILD_LENGTH)
                .put(parent)
                .putInt(timeBits)
                .put((byte) 0);
        return Base64.getEncoder().encodeToString(out.array());
    }

    /**
     * A Thread-Topic value: the subject without reply and forward prefixes, on one line. Outlook
     * expects it to be the same for every message of a conversation.
     */
    public static String topic(String subject) {
        String line = HeaderText.oneLine(subject, TemplateRenderer.MAX_SUBJECT_LENGTH);
        Matcher prefixes = REPLY_PREFIX.matcher(asciiLowerCase(line));
        return prefixes.lookingAt() ? line.substring(prefixes.end()) : line;
    }

    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    static long fileTime(Instant instant) {
        return (instant.getEpochSecond() + SECONDS_FROM_1601_TO_1970) * FILETIME_TICKS_PER_SECOND
                + instant.getNano() / 100;
    }

    private static byte[] guid(long caseNumber, byte[] key) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(hmac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(caseNumber).array()), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
