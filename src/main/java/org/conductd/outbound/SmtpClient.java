package org.conductd.outbound;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Properties;
import org.conductd.config.MailServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP session to the configured server: connects when asked, keeps the connection for
 * the next message while it stays open, and sends each message exactly as composed (its
 * Message-ID included), saying in {@link SmtpFailure} terms why one was not accepted. The only
 * class that talks to an Angus Mail {@link Transport}.
 */
final class SmtpClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpClient.class);

    private final MailServer smtp;
    private final Session session;
    private Transport transport;

    /** A client that has not connected yet; bounces to what it sends go to {@code envelopeFrom}. */
    SmtpClient(MailServer smtp, String envelopeFrom) {
        this.smtp = smtp;
        this.session = session(smtp, envelopeFrom);
    }

    /**
     * Connects (and logs in, when a login is configured) unless the last connection is still
     * open. Throws when the server cannot be reached or refuses the login.
     */
    void connect() throws MessagingException {
        if (transport != null && transport.isConnected()) {
            return;
        }
        Transport fresh = session.getTransport(protocol(smtp));
        fresh.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
        transport = fresh;
    }

    /**
     * Sends one stored message to one recipient over the open connection; empty when the server
     * accepted it. Failures are returned, never thrown, so one bad message cannot block the rest.
     */
    Optional<SmtpFailure> send(byte[] raw, String recipient) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            transport.sendMessage(message, new Address[] {new InternetAddress(recipient)});
            return Optional.empty();
        } catch (MessagingException e) {
            // After a failure the connection's state is unknown; the next message opens a fresh one.
            close();
            return Optional.of(SmtpFailure.of(e));
        } catch (RuntimeException e) {
            // A bug or an odd row must not stop the queue: this message is tried again later like any temporary failure.
            close();
            return Optional.of(new SmtpFailure(false, e.toString()));
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("closing the SMTP connection failed", e);
            }
            transport = null;
        }
    }

    /**
     * Connects, says EHLO and logs in (when a login is configured) with the sender's own
     * security and timeouts, then hangs up; throws what went wrong.
     */
    static void probe(MailServer smtp, String envelopeFrom) throws MessagingException {
        Transport transport = session(smtp, envelopeFrom).getTransport(protocol(smtp));
        try {
            transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
        } finally {
            transport.close();
        }
    }

    private static String protocol(MailServer smtp) {
        return smtp.security() == MailServer.Security.TLS ? "smtps" : "smtp";
    }

    /** A Jakarta Mail session with every timeout set. */
    private static Session session(MailServer smtp, String envelopeFrom) {
        String p = "mail." + protocol(smtp) + ".";
        String timeout = Long.toString(smtp.timeout().toMillis());
        Properties props = new Properties();
        props.put(p + "host", smtp.host());
        props.put(p + "port", Integer.toString(smtp.port()));
        props.put(p + "connectiontimeout", timeout);
        props.put(p + "timeout", timeout);
        props.put(p + "writetimeout", timeout);
        props.put(p + "auth", Boolean.toString(!smtp.username().isEmpty()));
        // Bounces go back to the conduct address, where ingest records them.
        props.put(p + "from", envelopeFrom);
        if (smtp.security() == MailServer.Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (smtp.security() != MailServer.Security.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        return Session.getInstance(props);
    }
}
