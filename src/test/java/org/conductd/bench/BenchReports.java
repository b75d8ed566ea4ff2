package org.conductd.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Distinct reports of about 3 KB for the benchmark, as raw RFC 5322 bytes with CRLF line
 * ends. Every tenth one carries a small attachment. Deterministic for a given index.
 */
final class BenchReports {

    static final String CONDUCT = "conduct@example.org";

    private static final String[] WORDS = {"during", "the", "talk", "someone", "in", "row", "three", "kept",
        "interrupting", "speaker", "comments", "about", "her", "appearance", "were", "made", "loudly", "and",
        "several", "people", "left", "hallway", "afterwards", "badge", "lunch", "evening", "social", "venue",
        "uncomfortable", "asked", "stop", "did", "not", "again", "later", "photos", "without", "consent"};

    private BenchReports() {
    }

    static boolean hasAttachment(int i) {
        return i % 10 == 0;
    }

    static String sender(int i) {
        return "reporter" + i + "@example.net";
    }

    static String messageId(int i) {
        return "<bench-" + i + "@example.net>";
    }

    static byte[] report(int i) {
        Random random = new Random(i * 7919L + 17);
        StringBuilder text = new StringBuilder(3000);
        text.append("Hello,\r\n\r\nI would like to report an incident (report number ").append(i).append(").\r\n\r\n");
        int line = 0;
        while (text.length() < 2400) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            line++;
            text.append(line % 12 == 0 ? "\r\n" : " ");
        }
        text.append("\r\n\r\nThank you,\r\nReporter ").append(i).append("\r\n");
        StringBuilder m = new StringBuilder(3600);
        m.append("Return-Path: <reporter").append(i).append("@example.net>\r\n");
        m.append("From: Reporter ").append(i).append(" <reporter").append(i).append("@example.net>\r\n");
        m.append("To: ").append(CONDUCT).append("\r\n");
        m.append("Subject: Incident report ").append(i).append(" at the venue\r\n");
        m.append("Date: Sat, 21 Nov 2026 09:").append(String.format("%02d:%02d", (i / 60) % 60, i % 60)).append(" +0000\r\n");
        m.append("Message-ID: ").append(messageId(i)).append("\r\n");
        m.append("MIME-Version: 1.0\r\n");
        if (hasAttachment(i)) {
            String boundary = "bench-boundary-" + i;
            m.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
            m.append("--").append(boundary).append("\r\n");
            m.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
            m.append(text);
            m.append("--").append(boundary).append("\r\n");
            m.append("Content-Type: image/png; name=\"photo").append(i).append(".png\"\r\n");
            m.append("Content-Disposition: attachment; filename=\"photo").append(i).append(".png\"\r\n");
            m.append("Content-Transfer-Encoding: base64\r\n\r\n");
            byte[] blob = new byte[450];
            random.nextBytes(blob);
            String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(blob);
            m.append(b64).append("\r\n");
            m.append("--").append(boundary).append("--\r\n");
        } else {
            m.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
            m.append(text);
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }
}
