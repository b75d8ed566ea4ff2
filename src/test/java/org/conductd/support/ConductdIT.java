package org.conductd.support;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import org.conductd.mail.MessageId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the end-to-end tests: a fresh GreenMail and a fresh daemon on a fresh database for every test. */
public abstract class ConductdIT {

    @TempDir
    protected Path data;
    protected TestMail mail;
    protected TestConductd conductd;

    /** Configuration keys that differ from {@link TestConductd#properties} for this test class. */
    protected Map<String, Object> overrides() {
        return Map.of();
    }

    @BeforeEach
    void startMailAndDaemon() {
        mail = new TestMail();
        conductd = new TestConductd(mail, data, overrides()).start();
    }

    @AfterEach
    void stopMailAndDaemon() {
        conductd.close();
        mail.close();
    }

    /** Replies as a member to a message conductd sent them, as a mail client would, and waits for the daemon. */
    protected void reply(String member, String text, String inReplyTo) {
        mail.send(member, "Re: [CoC #1]", text,
                Map.of("In-Reply-To", "<" + inReplyTo + ">", "References", "<" + inReplyTo + ">"));
        conductd.settle();
    }

    /** Case 1, as the database has it now. */
    protected org.conductd.store.CaseRecord theCase() {
        return conductd.bean(org.conductd.store.CaseRepository.class).findById(1L).orElseThrow();
    }

    /** The text of the latest mail of this kind to this address; fails if there is none. */
    protected String latest(String to, String kind) throws Exception {
        java.util.List<MimeMessage> found = mail.receivedBy(to, kind);
        org.junit.jupiter.api.Assertions.assertFalse(found.isEmpty(), "no " + kind + " mail to " + to);
        return body(found.get(found.size() - 1));
    }

    /** The plain text of a message: the first text part, however deep. */
    public static String body(jakarta.mail.Part m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) {
            return s;
        }
        return body(((jakarta.mail.Multipart) content).getBodyPart(0));
    }

    /** The Message-ID of a received message, without brackets. */
    public static String idOf(MimeMessage m) {
        try {
            return MessageId.parseOne(m.getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
