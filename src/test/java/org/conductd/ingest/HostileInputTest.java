package org.conductd.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Input built to exhaust a parser; each must end quickly with an outcome, not an exception. */
class HostileInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private final MessageParser parser = new MessageParser();

    @Test
    void fiveThousandNestedMultipartsEndAsUnparseable() {
        ParseOutcome outcome = parseQuickly(nestedMultiparts(5_000));
        assertEquals("The message has parts nested more than 50 levels deep.",
                assertInstanceOf(ParseOutcome.Unparseable.class, outcome).reason());
    }

    @Test
    void nestingWithinTheLimitIsParsed() {
        assertInstanceOf(ParseOutcome.Parsed.class, parseQuickly(nestedMultiparts(20)));
    }

    @Test
    void fiveMegabyteSingleLineBodyIsParsedQuickly() {
        String line = "x".repeat(5 * 1024 * 1024);
        ParseOutcome outcome = parseQuickly(bytes("From: a@example.org\r\n\r\n" + line));
        assertEquals(line.length(), assertInstanceOf(ParseOutcome.Parsed.class, outcome).message().text().length());
    }

    @Test
    void fiveMegabyteSingleLineInsideAMultipartEndsQuickly() {
        String message = "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\n" + "x".repeat(5 * 1024 * 1024) + "\r\n--b--\r\n";
        assertNotNull(parseQuickly(bytes(message)));
    }

    @Test
    void fiveMegabyteHeaderFieldIsUnparseable() {
        String message = "From: a@example.org\r\nSubject: " + "x".repeat(5 * 1024 * 1024) + "\r\n\r\nbody";
        assertInstanceOf(ParseOutcome.Unparseable.class, parseQuickly(bytes(message)));
    }

    @Test
    void twentyThousandHeaderFieldsAreUnparseable() {
        StringBuilder message = new StringBuilder("From: a@example.org\r\n");
        for (int i = 0; i < 20_000; i++) {
            message.append("X-Filler-").append(i).append(": value\r\n");
        }
        message.append("\r\nbody");
        ParseOutcome outcome = parseQuickly(bytes(message.toString()));
        assertEquals("The message has more than 2000 header fields.",
                assertInstanceOf(ParseOutcome.Unparseable.class, outcome).reason());
    }

    @Test
    void deeplyNestedHtmlIsConvertedQuickly() {
        String html = "<div><p>word</p>".repeat(100_000);
        ParseOutcome outcome = parseQuickly(bytes("From: a@example.org\r\nContent-Type: text/html\r\n\r\n" + html));
        assertInstanceOf(ParseOutcome.Parsed.class, outcome);
    }

    @Test
    void randomBytesEndWithAnOutcome() {
        byte[] noise = new byte[1 << 20];
        new java.util.Random(42).nextBytes(noise);
        assertNotNull(parseQuickly(noise));
    }

    private ParseOutcome parseQuickly(byte[] raw) {
        return assertTimeoutPreemptively(QUICKLY, () -> parser.parse(raw));
    }

    private static byte[] nestedMultiparts(int depth) {
        StringBuilder message = new StringBuilder("From: a@example.org\r\n");
        for (int i = 0; i < depth; i++) {
            message.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n")
                    .append("--b").append(i).append("\r\n");
        }
        message.append("Content-Type: text/plain\r\n\r\ninnermost\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            message.append("--b").append(i).append("--\r\n");
        }
        return bytes(message.toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
