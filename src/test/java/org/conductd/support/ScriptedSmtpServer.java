package org.conductd.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server on loopback that answers each phase (MAIL FROM, RCPT TO, DATA) with the
 * reply a test chose, so it can refuse one recipient permanently or temporarily, which
 * GreenMail cannot. It speaks just enough SMTP for Angus Mail, advertises AUTH and
 * accepts any credentials, and records every message it accepted. It can also stall in
 * DATA: take a message's text and give no reply, as a server does that holds a connection
 * while its client dies.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** A message the server took: envelope and DATA as sent (dot-unstuffed, CRLF line ends). */
    public record Accepted(String from, List<String> recipients, String data) {
    }

    private static final Pattern PATH = Pattern.compile("<([^>]*)>");

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private volatile String mailFromReply = "250 2.1.0 Ok";
    private volatile String recipientReply = "250 2.1.5 Ok";
    private volatile Function<Accepted, String> dataReply = message -> "250 2.0.0 Ok: queued";
    private final AtomicReference<Stall> stallNext = new AtomicReference<>();
    private final List<Stall> stalls = new CopyOnWriteArrayList<>();
    private volatile Consumer<Accepted> beforeAcceptReply = message -> { };

    /** One armed stall: the text held once a client reaches it, and the latch the test opens to let it go. */
    private record Stall(CompletableFuture<String> held, CountDownLatch released) {
    }

    public ScriptedSmtpServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The reply to every MAIL FROM, e.g. "550 5.7.1 sender rejected". */
    public ScriptedSmtpServer onMailFrom(String reply) {
        mailFromReply = reply;
        return this;
    }

    /** The reply to RCPT TO for any recipient without a reply of its own. */
    public ScriptedSmtpServer onRecipient(String reply) {
        recipientReply = reply;
        return this;
    }

    /** The reply to RCPT TO for one address, e.g. "550 5.1.1 &lt;jane@example.net&gt; user unknown". */
    public ScriptedSmtpServer onRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** The reply after the message text, e.g. "554 5.6.0 message refused". */
    public ScriptedSmtpServer onData(String reply) {
        dataReply = message -> reply;
        return this;
    }

    /**
     * The reply after the message text, chosen for each message, e.g. a refusal that quotes the
     * message's own Message-ID as some servers do.
     */
    public ScriptedSmtpServer onData(Function<Accepted, String> reply) {
        dataReply = reply;
        return this;
    }

    /**
     * Makes the next message hang in DATA: its text is read to the final dot and no reply is
     * ever given, so the message is not accepted; the connection is dropped, still without a
     * reply, once {@link #releaseStalls()} is called. The future completes with the message's
     * text (as {@link Accepted#data()} would hold it) when a client is stalled.
     */
    public CompletableFuture<String> stallNextData() {
        Stall stall = new Stall(new CompletableFuture<>(), new CountDownLatch(1));
        stalls.add(stall);
        stallNext.set(stall);
        return stall.held();
    }

    /** Lets every stalled conversation end (without a reply) and disarms a stall not yet reached. */
    public void releaseStalls() {
        stallNext.set(null);
        for (Stall stall : stalls) {
            stall.released().countDown();
        }
        stalls.clear();
    }

    /**
     * Runs the action in the server's thread for each message it accepts, before the client is
     * told: the message is the server's now, whatever the client manages to record about it.
     */
    public ScriptedSmtpServer beforeAcceptReply(Consumer<Accepted> action) {
        beforeAcceptReply = action;
        return this;
    }

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    public List<Accepted> acceptedFor(String recipient) {
        return accepted.stream().filter(m -> m.recipients().contains(recipient.toLowerCase(Locale.ROOT))).toList();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            reply(out, "220 scripted.test ESMTP");
            String from = null;
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-scripted.test\r\n250-8BITMIME\r\n250-AUTH PLAIN LOGIN\r\n250 SMTPUTF8");
                    case "HELO" -> reply(out, "250 scripted.test");
                    case "AUTH" -> reply(out, "235 2.7.0 Authentication successful");
                    case "MAIL" -> {
                        from = path(line);
                        recipients.clear();
                        reply(out, mailFromReply);
                    }
                    case "RCPT" -> {
                        String recipient = path(line).toLowerCase(Locale.ROOT);
                        String answer = recipientReplies.getOrDefault(recipient, recipientReply);
                        if (answer.startsWith("2")) {
                            recipients.add(recipient);
                        }
                        reply(out, answer);
                    }
                    case "DATA" -> {
                        if (from == null || recipients.isEmpty()) {
                            reply(out, "503 5.5.1 No valid recipients");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String data = readData(in);
                        Stall stall = stallNext.getAndSet(null);
                        if (stall != null) {
                            stall.held().complete(data);
                            stall.released().await(2, TimeUnit.MINUTES);
                            return;
                        }
                        Accepted message = new Accepted(from, List.copyOf(recipients), data);
                        String answer = dataReply.apply(message);
                        if (answer.startsWith("2")) {
                            accepted.add(message);
                            beforeAcceptReply.accept(message);
                        }
                        from = null;
                        recipients.clear();
                        reply(out, answer);
                    }
                    case "RSET" -> {
                        from = null;
                        recipients.clear();
                        reply(out, "250 2.0.0 Ok");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 Ok");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException e) {
            // The client went away or the server is closing: the conversation is over.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
        }
    }

    private static String readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString();
    }

    private static String path(String command) {
        Matcher m = PATH.matcher(command);
        return m.find() ? m.group(1) : "";
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        releaseStalls();
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                // already closed
            }
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
