package org.conductd.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of a test server that can cut every connection, go silent
 * on connections that enter IMAP IDLE (a half-open connection, as seen from the client),
 * records the command lines clients send, and can act just before the server sees one.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final List<String> commands = new ArrayList<>();
    private final Map<String, Runnable> beforeCommands = new ConcurrentHashMap<>();
    private volatile boolean silenceIdle;
    private volatile boolean hideKeywords;
    private volatile boolean closed;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** One proxied connection: is its client in IDLE, and has the server gone silent on it. */
    private static final class Connection {
        volatile boolean inIdle;
        volatile boolean silenced;
    }

    /** From now on, a connection that is or goes into IDLE receives nothing more from the server. */
    public void silenceIdleConnections() {
        silenceIdle = true;
        for (Connection c : connections) {
            if (c.inIdle) {
                c.silenced = true;
            }
        }
    }

    /**
     * Every connection open now receives nothing more from the server, as if it had stopped
     * answering; connections made later are served normally.
     */
    public void silenceAll() {
        for (Connection c : connections) {
            c.silenced = true;
        }
    }

    /** Makes the server look like one that keeps no keywords: "\\*" is taken out of PERMANENTFLAGS. */
    public void hideKeywordSupport() {
        hideKeywords = true;
    }

    /** Closes every open connection, as a network failure would. */
    public void cutAll() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    /**
     * Runs the action once, in the proxy's thread, when a client next sends a command line
     * containing this text, before the server receives it: the client waits for it.
     */
    public void beforeCommand(String text, Runnable action) {
        beforeCommands.put(text, action);
    }

    /** The command lines clients sent so far. */
    public List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                Connection connection = new Connection();
                connections.add(connection);
                pump(client, server, true, connection);
                pump(server, client, false, connection);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient, Connection connection) {
        Thread t = new Thread(() -> {
            StringBuilder line = new StringBuilder();
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    if (fromClient) {
                        record(line, buffer, n, connection);
                    } else if (connection.silenced) {
                        continue;
                    } else if (hideKeywords) {
                        String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                        if (chunk.contains("PERMANENTFLAGS")) {
                            byte[] edited = chunk.replace(" \\*)", ")").getBytes(StandardCharsets.ISO_8859_1);
                            out.write(edited);
                            out.flush();
                            continue;
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void record(StringBuilder line, byte[] buffer, int n, Connection connection) {
        for (String part : new String(buffer, 0, n, StandardCharsets.ISO_8859_1).split("(?<=\n)")) {
            line.append(part);
            if (part.endsWith("\n")) {
                String command = line.toString().strip();
                line.setLength(0);
                synchronized (commands) {
                    commands.add(command);
                }
                for (Map.Entry<String, Runnable> hook : beforeCommands.entrySet()) {
                    if (command.contains(hook.getKey()) && beforeCommands.remove(hook.getKey(), hook.getValue())) {
                        hook.getValue().run();
                    }
                }
                String upper = command.toUpperCase(Locale.ROOT);
                if (upper.endsWith(" IDLE")) {
                    connection.inIdle = true;
                    connection.silenced = silenceIdle;
                } else if (upper.equals("DONE")) {
                    connection.inIdle = false;
                }
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        cutAll();
    }
}
