package org.conductd.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A real GreenMail SMTP + IMAP server on loopback with dynamic ports, and ways to use it from tests. */
public final class TestMail implements AutoCloseable {

    public static final String CONDUCT = "conduct@example.org";
    public static final String CONDUCT_PASSWORD = "conduct";

    private final GreenMail greenMail;

    public TestMail() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(CONDUCT, CONDUCT, CONDUCT_PASSWORD);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** Sends a plain-text mail to the conduct address over SMTP; extra headers as given. */
    public String send(String from, String subject, String text, Map<String, String> headers) {
        try {
            // Transport.send saves again, which would replace the Message-ID the test needs to know.
            MimeMessage m = new MimeMessage(smtpSession()) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    if (getHeader("Message-ID") == null) {
                        super.updateMessageID();
                    }
                }
            };
            m.setFrom(new InternetAddress(from));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(CONDUCT));
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                m.setHeader(h.getKey(), h.getValue());
            }
            m.saveChanges();
            String id = m.getMessageID();
            Transport.send(m);
            return id.substring(1, id.length() - 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts exact bytes into the conduct inbox, as a mail server would deliver them. */
    /** Puts the message into the conduct inbox as a delivery would: arriving now, whatever its Date: says. */
    public void deliverRaw(byte[] raw) {
        deliverRaw(raw, Instant.now());
    }

    /**
     * Puts the message into the conduct inbox with the given arrival time (its IMAP
     * INTERNALDATE), as mail moved in from an archive keeps the time it first arrived.
     */
    public void deliverRaw(byte[] raw, Instant arrived) {
        try (Store store = imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            // APPEND takes the INTERNALDATE from the received date, or else from the Date: header.
            MimeMessage message = new MimeMessage(smtpSession(), new ByteArrayInputStream(raw)) {
                @Override
                public Date getReceivedDate() {
                    return Date.from(arrived);
                }
            };
            inbox.appendMessages(new Message[] {message});
            inbox.close(false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void deliverRaw(String raw, Instant arrived) {
        deliverRaw(raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), arrived);
    }

    public void deliverRaw(String raw) {
        deliverRaw(raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Every message the SMTP server accepted for this recipient, oldest first. */
    public List<MimeMessage> receivedBy(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                if (m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address))) {
                    found.add(m);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Messages to this recipient with this X-Conductd-Kind. */
    public List<MimeMessage> receivedBy(String address, String kind) {
        return receivedBy(address).stream().filter(m -> kind.equals(header(m, "X-Conductd-Kind"))).toList();
    }

    public static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The flags of every message in the conduct inbox, in order. */
    public List<Flags> inboxFlags() {
        try (Store store = imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Flags> flags = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                flags.add(m.getFlags());
            }
            inbox.close(false);
            return flags;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes conductd's keywords off every message, as if a crash had come between commit and flag. */
    public void clearConductdKeywords() {
        try (Store store = imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Flags keywords = new Flags();
            keywords.add("$ConductdProcessed");
            keywords.add("$ConductdQuarantined");
            inbox.setFlags(inbox.getMessages(), keywords, false);
            inbox.close(false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Store imapStore() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", imapPort(), CONDUCT, CONDUCT_PASSWORD);
        return store;
    }

    private Session smtpSession() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort()));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        return Session.getInstance(props);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
