package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.conductd.config.MailServer;
import org.junit.jupiter.api.Test;

class SmtpClientTest {

    private static final byte[] RAW = ("Message-ID: <fixed-1@conduct.example>\r\nFrom: conduct@conduct.example\r\n"
            + "To: someone@example.org\r\nSubject: hello\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);

    private static MailServer server(int port) {
        return new MailServer("127.0.0.1", port, MailServer.Security.NONE, "conduct", "secret", Duration.ofSeconds(5));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void connectingToAServerThatIsNotThereThrows() throws Exception {
        try (SmtpClient client = new SmtpClient(server(freePort()), "conduct@conduct.example")) {
            assertThrows(MessagingException.class, client::connect);
        }
    }

    @Test
    void sendsTheStoredMessageAsItIsWithItsOwnMessageId() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("conduct", "conduct", "secret");
        smtp.start();
        try (SmtpClient client = new SmtpClient(server(port), "conduct@conduct.example")) {
            client.connect();
            assertTrue(client.send(RAW, "someone@example.org").isEmpty());
            assertTrue(smtp.waitForIncomingEmail(5_000, 1));
            MimeMessage received = smtp.getReceivedMessages()[0];
            assertEquals("<fixed-1@conduct.example>", received.getMessageID());
            assertEquals("someone@example.org", received.getAllRecipients()[0].toString());
        } finally {
            smtp.stop();
        }
    }

    @Test
    void anAddressTheClientCannotParseIsAFailureNotAnException() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("conduct", "conduct", "secret");
        smtp.start();
        try (SmtpClient client = new SmtpClient(server(port), "conduct@conduct.example")) {
            client.connect();
            assertTrue(client.send(RAW, "not an address <").isPresent());
        } finally {
            smtp.stop();
        }
    }
}
