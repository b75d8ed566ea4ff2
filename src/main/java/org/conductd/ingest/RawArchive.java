package org.conductd.ingest;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.conductd.mail.Attachment;
import org.conductd.mail.InboundMessage;
import org.conductd.store.AttachmentRepository;
import org.conductd.store.Disposition;
import org.conductd.store.MessageRepository;
import org.conductd.store.QuarantineEntry;
import org.conductd.store.QuarantineRepository;
import org.conductd.store.RawMessage;
import org.conductd.store.RawMessageRepository;
import org.conductd.store.StoredAttachment;
import org.conductd.store.StoredMessage;

/**
 * Stores a received message: its raw bytes (or the name of the file holding an oversized
 * one), what was parsed from it, and its attachments under generated names. Runs inside
 * the caller's transaction.
 */
@Singleton
public final class RawArchive {

    private static final int HEAD_BYTES = 256 * 1024;

    private final MessageRepository messages;
    private final RawMessageRepository raws;
    private final AttachmentRepository attachments;
    private final QuarantineRepository quarantine;
    private final MessageParser parser;
    private final Clock clock;

    public RawArchive(MessageRepository messages, RawMessageRepository raws, AttachmentRepository attachments,
                      QuarantineRepository quarantine, MessageParser parser, Clock clock) {
        this.parser = parser;
        this.messages = messages;
        this.raws = raws;
        this.attachments = attachments;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    /**
     * A message as received, with its attachments, in no case yet. Returns its row id.
     *
     * @param messageId the Message-ID to index it by, or null to keep it without claiming the id
     */
    public long store(FetchedMessage fetched, InboundMessage m, String messageId, Disposition disposition, String note) {
        StoredMessage row = messages.save(new StoredMessage(null, messageId, fetched.sha256(), fetched.folder(),
                fetched.uidValidity(), fetched.uid(), clock.instant(), fetched.size(),
                m.from() == null ? null : m.from().address(), m.from() == null ? null : m.from().name(),
                m.subject(), null, null, disposition, note, m.text()));
        raws.save(new RawMessage(row.id(), fetched.raw(), null));
        List<Attachment> files = m.attachments();
        for (int i = 0; i < files.size(); i++) {
            Attachment a = files.get(i);
            attachments.save(new StoredAttachment(null, row.id(), "m" + row.id() + "-a" + (i + 1),
                    a.fileName(), a.contentType(), a.size(), a.content()));
        }
        return row.id();
    }

    /** Keeps a message that could not be handled, raw, and records why. Returns its row id. */
    public long quarantine(FetchedMessage fetched, String reason) {
        Instant now = clock.instant();
        MessageParser.HeaderPeek peek = parser.peek(head(fetched));
        StoredMessage row = messages.save(new StoredMessage(null, null, fetched.sha256(), fetched.folder(),
                fetched.uidValidity(), fetched.uid(), now, fetched.size(), null, peek.from(), peek.subject(), null,
                null, Disposition.QUARANTINED, reason, null));
        raws.save(new RawMessage(row.id(), fetched.raw(),
                fetched.spooled() == null ? null : fetched.spooled().getFileName().toString()));
        quarantine.save(new QuarantineEntry(null, row.id(), reason, now, null));
        return row.id();
    }

    /** The start of the message, where its header is: enough to name it, without reading a huge file whole. */
    private static byte[] head(FetchedMessage fetched) {
        if (fetched.raw() != null) {
            return fetched.raw();
        }
        try (InputStream in = Files.newInputStream(fetched.spooled())) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
