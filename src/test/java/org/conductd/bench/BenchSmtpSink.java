package org.conductd.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP sink on loopback for the benchmark: accepts every message (any AUTH), keeps
 * nothing but a count and, for each acknowledgement ({@code X-Conductd-Kind: ack}), the
 * moment it was accepted, under every Message-ID its {@code In-Reply-To}/{@code References}
 * name. {@code XCOUNT} answers {@code 250 <accepted messages>}; {@code XWAIT <message-id>
 * <millis>} waits that long for an acknowledgement of that report and answers {@code 250
 * <epoch microseconds of its acceptance>}, or {@code 451} if none came.
 * Run as {@code BenchSmtpSink PORT}.
 */
public final class BenchSmtpSink {

    private static final AtomicLong ACCEPTED = new AtomicLong();
    /** Report Message-ID (with angle brackets) to when the first acknowledgement answering it was accepted. */
    private static final Map<String, CompletableFuture<Long>> ACKS = new ConcurrentHashMap<>();
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private BenchSmtpSink() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("smtp sink listening on 127.0.0.1:" + server.getLocalPort());
            while (true) {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "sink-client");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = s.getOutputStream()) {
            s.setTcpNoDelay(true);
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250-PIPELINING\r\n250-AUTH PLAIN LOGIN\r\n250 SMTPUTF8");
                    case "HELO" -> reply(out, "250 sink");
                    case "AUTH" -> reply(out, "235 2.7.0 ok");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 ok");
                    case "DATA" -> {
                        reply(out, "354 go on");
                        List<String> header = readData(in);
                        ACCEPTED.incrementAndGet();
                        recordAcknowledgement(header);
                        reply(out, "250 2.0.0 queued");
                    }
                    case "XCOU" -> reply(out, "250 " + ACCEPTED.get());
                    case "XWAI" -> reply(out, await(line));
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 unknown");
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    /** Reads the message up to the lone dot; returns its header lines, unfolded. */
    private static List<String> readData(BufferedReader in) throws IOException {
        List<String> header = new ArrayList<>();
        boolean inHeader = true;
        String d;
        while ((d = in.readLine()) != null && !d.equals(".")) {
            if (!inHeader) {
                continue;
            }
            if (d.isEmpty()) {
                inHeader = false;
            } else if ((d.charAt(0) == ' ' || d.charAt(0) == '\t') && !header.isEmpty()) {
                header.set(header.size() - 1, header.get(header.size() - 1) + " " + d.strip());
            } else {
                header.add(d);
            }
        }
        return header;
    }

    private static void recordAcknowledgement(List<String> header) {
        long acceptedAt = epochMicros();
        boolean ack = false;
        List<String> answers = new ArrayList<>();
        for (String h : header) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).strip();
            if (name.equals("x-conductd-kind")) {
                ack = value.equalsIgnoreCase("ack");
            } else if (name.equals("in-reply-to") || name.equals("references")) {
                Matcher m = MESSAGE_ID.matcher(value);
                while (m.find()) {
                    answers.add(m.group());
                }
            }
        }
        if (ack) {
            for (String id : answers) {
                ACKS.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(acceptedAt);
            }
        }
    }

    /** {@code XWAIT <message-id> <millis>}. */
    private static String await(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3) {
            return "501 XWAIT <message-id> <millis>";
        }
        CompletableFuture<Long> ack = ACKS.computeIfAbsent(parts[1], k -> new CompletableFuture<>());
        try {
            return "250 " + ack.get(Long.parseLong(parts[2]), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "451 no acknowledgement yet";
        } catch (Exception e) {
            return "451 " + e;
        }
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Asks a running sink how many messages it accepted. */
    static long count(int port) {
        String answer = ask(port, "XCOUNT");
        return answer != null && answer.startsWith("250 ") ? Long.parseLong(answer.substring(4).trim()) : -1;
    }

    /**
     * Waits up to {@code millis} for the sink to accept an acknowledgement of the report with
     * this Message-ID; returns when it did (epoch microseconds), or -1.
     */
    static long awaitAcknowledgement(int port, String messageId, long millis) {
        String answer = ask(port, "XWAIT " + messageId + " " + millis);
        return answer != null && answer.startsWith("250 ") ? Long.parseLong(answer.substring(4).trim()) : -1;
    }

    private static String ask(int port, String command) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = s.getOutputStream()) {
            s.setTcpNoDelay(true);
            in.readLine();
            reply(out, command);
            String answer = in.readLine();
            reply(out, "QUIT");
            return answer;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
