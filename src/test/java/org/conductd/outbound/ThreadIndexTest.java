package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.conductd.mail.SecretKeys;
import org.junit.jupiter.api.Test;

class ThreadIndexTest {

    private static final Instant OPENED = Instant.parse("2026-05-10T09:30:00.123Z");
    private static final byte[] SEED = SecretKeys.derive("a-token-secret-of-32-characters-x", SecretKeys.Use.THREAD_INDEX);

    private static byte[] decode(String value) {
        return Base64.getDecoder().decode(value);
    }

    /** The FILETIME the header block stands for: its 6 bytes are the top 48 bits. */
    private static long headerTicks(byte[] index) {
        long ticks = 0;
        for (int i = 0; i < 6; i++) {
            ticks = (ticks << 8) | (index[i] & 0xFF);
        }
        return ticks << 16;
    }

    /** The time difference a child block stands for, in FILETIME ticks. */
    private static long childDelta(byte[] index, int child) {
        int bits = ByteBuffer.wrap(index, 22 + 5 * child, 4).getInt();
        long value = bits & 0x7FFF_FFFFL;
        return bits < 0 ? value << 23 : value << 18;
    }

    @Test
    void aRootIsATwentyTwoByteHeaderBlockStartingWithTheFiletime() {
        byte[] root = decode(ThreadIndex.root(42, SEED, OPENED));

        assertEquals(22, root.length);
        assertEquals(0x01, root[0], "the reserved byte, the top byte of any current FILETIME");
        long error = ThreadIndex.fileTime(OPENED) - headerTicks(root);
        assertTrue(error >= 0 && error < 0x10000, "header keeps the top 48 bits, error " + error);
    }

    @Test
    void theSameCaseAlwaysGetsTheSameRoot() {
        assertEquals(ThreadIndex.root(42, SEED, OPENED), ThreadIndex.root(42, SEED, OPENED));
    }

    @Test
    void differentCasesOrKeysGetDifferentGuids() {
        byte[] a = Arrays.copyOfRange(decode(ThreadIndex.root(42, SEED, OPENED)), 6, 22);
        byte[] b = Arrays.copyOfRange(decode(ThreadIndex.root(43, SEED, OPENED)), 6, 22);
        byte[] c = Arrays.copyOfRange(decode(ThreadIndex.root(42, SecretKeys.derive("another-secret-of-32-characters-y", SecretKeys.Use.THREAD_INDEX), OPENED)), 6, 22);

        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void theGuidIsAnHmacOfTheCaseNumberUnderTheThreadIndexKey() throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(SEED, "HmacSHA256"));
        byte[] expected = Arrays.copyOf(hmac.doFinal(ByteBuffer.allocate(8).putLong(42).array()), 16);

        assertArrayEquals(expected, Arrays.copyOfRange(decode(ThreadIndex.root(42, SEED, OPENED)), 6, 22));
    }

    @Test
    void aChildIsTheRootPlusOneFiveByteBlockWithTheTimeSinceOpening() {
        String root = ThreadIndex.root(42, SEED, OPENED);
        Instant later = OPENED.plus(Duration.ofHours(5).plusMinutes(3));

        byte[] child = decode(ThreadIndex.child(root, OPENED, later));

        assertEquals(27, child.length);
        assertArrayEquals(decode(root), Arrays.copyOf(child, 22), "children share the 22-byte header");
        long expected = ThreadIndex.fileTime(later) - headerTicks(child);
        long actual = childDelta(child, 0);
        assertTrue(child[22] >= 0, "short delta uses delta code 0");
        assertTrue(expected - actual >= 0 && expected - actual < (1L << 18), expected + " vs " + actual);
    }

    @Test
    void aChildMatchesTheOneOutlookWroteForTheSameTimes() {
        // A Thread-Index from a real Outlook reply: header 2018-07-16 07:40:00.2799616 UTC,
        // one child 14:03:22.5476096 later.
        byte[] outlook = decode("AdQc2DN7rLoS3hgnE/O76rpFzxN/EwAddF4A");
        String outlookRoot = Base64.getEncoder().encodeToString(Arrays.copyOf(outlook, 22));
        Instant opened = Instant.parse("2018-07-16T07:40:00.2799616Z");
        Instant replied = Instant.parse("2018-07-16T21:43:22.8275712Z");

        assertEquals(ThreadIndex.fileTime(opened), headerTicks(outlook));
        assertArrayEquals(outlook, decode(ThreadIndex.child(outlookRoot, opened, replied)));
    }

    @Test
    void everyMessageOfACaseSharesTheHeaderBlock() {
        String root = ThreadIndex.root(7, SEED, OPENED);
        byte[] first = decode(ThreadIndex.child(root, OPENED, OPENED.plusSeconds(60)));
        byte[] second = decode(ThreadIndex.child(root, OPENED, OPENED.plus(Duration.ofDays(3))));

        assertArrayEquals(Arrays.copyOf(first, 22), Arrays.copyOf(second, 22));
        assertTrue(childDelta(second, 0) > childDelta(first, 0));
    }

    @Test
    void aCaseOpenForYearsUsesTheCoarseDeltaCode() {
        String root = ThreadIndex.root(1, SEED, OPENED);
        Instant later = OPENED.plus(Duration.ofDays(800));

        byte[] child = decode(ThreadIndex.child(root, OPENED, later));

        assertTrue(child[22] < 0, "delta code 1");
        long expected = ThreadIndex.fileTime(later) - headerTicks(child);
        assertTrue(expected - childDelta(child, 0) < (1L << 23));
    }

    @Test
    void aClockBeforeTheOpeningGivesAZeroDelta() {
        byte[] child = decode(ThreadIndex.child(ThreadIndex.root(1, SEED, OPENED), OPENED, OPENED.minusSeconds(5)));

        assertEquals(0, childDelta(child, 0));
    }

    @Test
    void somethingThatIsNotAThreadIndexIsRefused() {
        String notAnIndex = Base64.getEncoder().encodeToString(new byte[10]);

        assertThrows(IllegalArgumentException.class, () -> ThreadIndex.child(notAnIndex, OPENED, OPENED));
    }

    @Test
    void theTopicDropsReplyPrefixesAndLineBreaks() {
        assertEquals("[CoC #42] Talk feedback", ThreadIndex.topic("Re: AW: Fwd:  [CoC #42] Talk\r\n feedback"));
    }
}
