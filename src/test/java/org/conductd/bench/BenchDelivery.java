package org.conductd.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Delivers a report to the conduct mailbox the way a mail server hands mail to Dovecot: over
 * LMTP (RFC 2033, Dovecot's {@code dovecot-lmtpd}), or over SMTP where the server takes mail
 * for its own users that way (GreenMail). The last reply to DATA comes only once the message
 * is in the mailbox, so a returned {@link #deliver} means the mail is there. Angus Mail has no
 * LMTP client and LMTP differs from SMTP only in LHLO and the reply per recipient after DATA,
 * so these few lines speak it. One connection is kept for every delivery, as an MTA does.
 */
final class BenchDelivery implements AutoCloseable {

    private final int port;
    private final boolean lmtp;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    BenchDelivery(int port, boolean lmtp) {
        this.port = port;
        this.lmtp = lmtp;
    }

    /** Delivers one message from {@code sender} to the conduct address; throws if it was not accepted. */
    void deliver(String sender, byte[] raw) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            expect(command("MAIL FROM:<" + sender + ">"), "250");
            expect(command("RCPT TO:<" + BenchReports.CONDUCT + ">"), "250");
            expect(command("DATA"), "354");
            out.write(dotStuffed(raw));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(reply(), "250"); // LMTP: one reply for the one recipient, after delivery
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
        expect(reply(), "220");
        expect(command((lmtp ? "LHLO" : "EHLO") + " bench.example.net"), "250");
    }

    private String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    /** One reply, the last line of a multi-line one. */
    private String reply() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private static void expect(String reply, String code) throws IOException {
        if (!reply.startsWith(code)) {
            throw new IOException("expected " + code + ", got: " + reply);
        }
    }

    /** CRLF line ends, a leading dot doubled, a final CRLF. */
    private static byte[] dotStuffed(byte[] raw) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(raw.length + 64);
        boolean lineStart = true;
        for (int i = 0; i < raw.length; i++) {
            byte c = raw[i];
            if (lineStart && c == '.') {
                b.write('.');
            }
            b.write(c);
            lineStart = c == '\n';
        }
        if (!lineStart) {
            b.write('\r');
            b.write('\n');
        }
        return b.toByteArray();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // closing anyway
            }
            try {
                socket.close();
            } catch (IOException e) {
                // closed
            }
            socket = null;
        }
    }
}
