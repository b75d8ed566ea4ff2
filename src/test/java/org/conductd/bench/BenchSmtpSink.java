package org.conductd.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP sink on loopback for the benchmark: accepts every message (any AUTH), keeps
 * nothing, counts. {@code XCOUNT} answers {@code 250 <accepted messages>}.
 * Run as {@code BenchSmtpSink PORT}.
 */
public final class BenchSmtpSink {

    private static final AtomicLong ACCEPTED = new AtomicLong();

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
                        String d;
                        while ((d = in.readLine()) != null && !d.equals(".")) {
                            // discarded
                        }
                        ACCEPTED.incrementAndGet();
                        reply(out, "250 2.0.0 queued");
                    }
                    case "XCOU" -> reply(out, "250 " + ACCEPTED.get());
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

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Asks a running sink how many messages it accepted. */
    static long count(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = s.getOutputStream()) {
            in.readLine();
            reply(out, "XCOUNT");
            String answer = in.readLine();
            reply(out, "QUIT");
            return Long.parseLong(answer.substring(4).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
