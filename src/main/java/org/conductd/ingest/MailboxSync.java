package org.conductd.ingest;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.conductd.config.MailServer;
import org.conductd.store.DatabaseFile;
import org.conductd.store.PausePoint;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new mail from one IMAP folder by UID and hands it to an {@link IngestSink} in
 * batches: one UID SEARCH for unmarked mail, one UID FETCH for sizes, then one UID FETCH per
 * batch of bodies, never a round trip per message. A message is marked on the server only
 * after the sink has committed it. Mail over the size limit is streamed to a private file
 * in chunks so it never sits in memory whole.
 *
 * <p>The commands are written out and run with {@code IMAPFolder.doCommand} because Angus Mail's
 * folder API reads by message number and builds a {@code Message} object per mail, fetching
 * bodies one message at a time; on the folder's own connection, Angus still sees every
 * unsolicited response (EXPUNGE, EXISTS), so its view of the folder stays right.
 */
public final class MailboxSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxSync.class);
    private static final int BATCH_MESSAGES = 250;
    private static final long BATCH_BYTES = 32L * 1024 * 1024;
    private static final int SPOOL_CHUNK = 1024 * 1024;

    private final MailServer server;
    private final String folderName;
    private final long maxMessageSize;
    private final IngestSink sink;
    private final Path spoolDir;

    private Store store;
    private IMAPFolder folder;
    /** Whether the server keeps our keywords (PERMANENTFLAGS has \*); some servers, Exchange among them, do not. */
    private boolean keywords;

    public MailboxSync(MailServer server, String folderName, long maxMessageSize, IngestSink sink, Path spoolDir) {
        this.server = server;
        this.folderName = folderName;
        this.maxMessageSize = maxMessageSize;
        this.sink = sink;
        this.spoolDir = spoolDir;
    }

    /** What one pass did. */
    public record Report(int fetched, int marked) {
    }

    /** One pass over the folder; keeps the connection open for the next pass. */
    public Report syncOnce() throws MessagingException {
        IMAPFolder f = openFolder();
        // A server may answer SEARCH from the session's view of the folder and announce newly
        // delivered mail only after it (Dovecot does): without this, mail that IDLE has just
        // reported would be found only at the next poll.
        run(f, "NOOP", responses -> null);
        long validity = f.getUIDValidity();
        OptionalLong known = sink.uidValidity(folderName);
        if (known.isEmpty()) {
            // The first sync of this folder: whatever is in it now was not just written.
            sink.resetMailbox(folderName, validity, highestUid(f));
        } else if (known.getAsLong() != validity) {
            LOG.warn("UIDVALIDITY of {} changed ({} -> {}); re-reading the folder, stored mail is recognised and skipped",
                    folderName, known.getAsLong(), validity);
            sink.resetMailbox(folderName, validity, 0);
        }
        long lastUid = sink.lastUid(folderName);
        keywords = f.getPermanentFlags().contains(Flags.Flag.USER);
        List<Long> uids = keywords
                ? search(f, "UNKEYWORD " + ServerMark.PROCESSED.keyword() + " UNKEYWORD " + ServerMark.QUARANTINED.keyword())
                : search(f, "UID " + (lastUid + 1) + ":*").stream().filter(u -> u > lastUid).toList();
        int fetched = 0;
        int marked = 0;
        for (int start = 0; start < uids.size(); start += BATCH_MESSAGES) {
            List<Long> chunk = uids.subList(start, Math.min(uids.size(), start + BATCH_MESSAGES));
            Map<Long, ServerMark> stored = sink.alreadyStored(folderName, validity, chunk);
            marked += mark(f, stored);
            List<Long> fresh = chunk.stream().filter(u -> !stored.containsKey(u)).toList();
            if (fresh.isEmpty()) {
                continue;
            }
            Listing listing = list(f, fresh);
            for (FetchPlan.Batch batch : FetchPlan.of(fresh, listing.sizes(), maxMessageSize, BATCH_BYTES)) {
                fetched += batch.uids().size();
                if (batch.oversized()) {
                    long uid = batch.uids().get(0);
                    FetchedMessage spooled = spool(f, validity, uid, listing.sizes().get(uid), listing.arrived().get(uid));
                    marked += mark(f, sink.accept(List.of(spooled), Math.max(lastUid, uid)));
                } else {
                    marked += handle(f, validity, batch.uids(), listing.arrived(), lastUid);
                }
            }
        }
        return new Report(fetched, marked);
    }

    private int handle(IMAPFolder f, long validity, List<Long> uids, Map<Long, Instant> arrived, long lastUid)
            throws MessagingException {
        List<FetchedMessage> batch = fetchBodies(f, validity, uids, arrived);
        PausePoint.reach(PausePoint.AFTER_FETCH);
        long highest = Math.max(lastUid, uids.get(uids.size() - 1));
        Map<Long, ServerMark> marks = sink.accept(batch, highest);
        PausePoint.reach(PausePoint.AFTER_COMMIT);
        return mark(f, marks);
    }

    private IMAPFolder openFolder() throws MessagingException {
        if (folder != null && folder.isOpen() && store.isConnected()) {
            return folder;
        }
        close();
        Store s = MailSessions.imap(server, new Properties()).getStore(MailSessions.imapProtocol(server));
        s.connect(server.host(), server.port(), server.username(), server.password());
        IMAPFolder f = (IMAPFolder) s.getFolder(folderName);
        f.open(Folder.READ_WRITE);
        store = s;
        folder = f;
        LOG.info("Connected to {}:{} folder {}", server.host(), server.port(), folderName);
        return f;
    }

    private static List<Long> search(IMAPFolder f, String criteria) throws MessagingException {
        return run(f, "UID SEARCH " + criteria, responses -> {
            List<Long> uids = new ArrayList<>();
            for (Response r : responses) {
                if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                    long n;
                    while ((n = ir.readLong()) != -1) {
                        uids.add(n);
                    }
                }
            }
            uids.sort(null);
            return uids;
        });
    }

    /**
     * The highest UID in the folder now: UIDNEXT - 1 where the server announced UIDNEXT,
     * otherwise the last UID a search finds (0 for an empty folder).
     */
    private static long highestUid(IMAPFolder f) throws MessagingException {
        long next = f.getUIDNext();
        if (next > 0) {
            return next - 1;
        }
        List<Long> all = search(f, "ALL");
        return all.isEmpty() ? 0 : all.get(all.size() - 1);
    }

    /** Sizes and arrival times (INTERNALDATE) of the messages, by UID. */
    private record Listing(Map<Long, Long> sizes, Map<Long, Instant> arrived) {
    }

    private static Listing list(IMAPFolder f, List<Long> uids) throws MessagingException {
        return run(f, "UID FETCH " + UidSet.of(uids) + " (UID RFC822.SIZE INTERNALDATE)", responses -> {
            Map<Long, Long> sizes = new TreeMap<>();
            Map<Long, Instant> arrived = new HashMap<>();
            for (Response r : responses) {
                if (r instanceof FetchResponse fr) {
                    UID uid = fr.getItem(UID.class);
                    RFC822SIZE size = fr.getItem(RFC822SIZE.class);
                    if (uid != null && size != null) {
                        sizes.put(uid.uid, size.size);
                    }
                    INTERNALDATE date = fr.getItem(INTERNALDATE.class);
                    if (uid != null && date != null && date.getDate() != null) {
                        arrived.put(uid.uid, date.getDate().toInstant());
                    }
                }
            }
            return new Listing(sizes, arrived);
        });
    }

    private List<FetchedMessage> fetchBodies(IMAPFolder f, long validity, List<Long> uids, Map<Long, Instant> arrived)
            throws MessagingException {
        return run(f, "UID FETCH " + UidSet.of(uids) + " (UID BODY.PEEK[])", responses -> {
            Map<Long, FetchedMessage> byUid = new TreeMap<>();
            for (Response r : responses) {
                if (r instanceof FetchResponse fr) {
                    UID uid = fr.getItem(UID.class);
                    BODY body = fr.getItem(BODY.class);
                    if (uid != null && body != null && body.getByteArray() != null) {
                        byte[] raw = body.getByteArray().getNewBytes();
                        byUid.put(uid.uid, new FetchedMessage(folderName, validity, uid.uid, raw, null, raw.length, sha256(raw),
                                arrived.get(uid.uid)));
                    }
                }
            }
            return new ArrayList<>(byUid.values());
        });
    }

    /** Streams an oversized message to a private file, a chunk per round trip. */
    private FetchedMessage spool(IMAPFolder f, long validity, long uid, long size, Instant arrived)
            throws MessagingException {
        Path file = spoolDir.resolve(UUID.randomUUID() + ".eml");
        MessageDigest digest = newDigest();
        long written = 0;
        try (OutputStream out = Files.newOutputStream(DatabaseFile.newPrivateFile(file), StandardOpenOption.WRITE)) {
            while (true) {
                long offset = written;
                byte[] chunk = run(f, "UID FETCH " + uid + " (BODY.PEEK[]<" + offset + "." + SPOOL_CHUNK + ">)", responses -> {
                    for (Response r : responses) {
                        if (r instanceof FetchResponse fr && fr.getItem(BODY.class) != null
                                && fr.getItem(BODY.class).getByteArray() != null) {
                            return fr.getItem(BODY.class).getByteArray().getNewBytes();
                        }
                    }
                    return new byte[0];
                });
                out.write(chunk);
                digest.update(chunk);
                written += chunk.length;
                if (chunk.length < SPOOL_CHUNK) {
                    break;
                }
            }
            if (out instanceof java.io.FileOutputStream fos) {
                fos.getFD().sync();
            }
        } catch (IOException e) {
            throw new MessagingException("cannot spool an oversized message to " + file, e);
        }
        return new FetchedMessage(folderName, validity, uid, null, file, Math.max(size, written),
                HexFormat.of().formatHex(digest.digest()), arrived);
    }

    private int mark(IMAPFolder f, Map<Long, ServerMark> marks) throws MessagingException {
        int count = 0;
        for (ServerMark mark : ServerMark.values()) {
            List<Long> uids = marks.entrySet().stream().filter(e -> e.getValue() == mark).map(Map.Entry::getKey).sorted().toList();
            if (uids.isEmpty()) {
                continue;
            }
            String flags = flagsFor(mark);
            run(f, "UID STORE " + UidSet.of(uids) + " +FLAGS.SILENT " + flags, responses -> null);
            count += uids.size();
        }
        return count;
    }

    /**
     * Processed mail is read; quarantined mail stays unread so that people looking at the
     * mailbox notice it. Where the server keeps no keywords, the \Flagged flag stands in for quarantine.
     */
    private String flagsFor(ServerMark mark) {
        if (mark == ServerMark.PROCESSED) {
            return keywords ? "(\\Seen " + mark.keyword() + ")" : "(\\Seen)";
        }
        return keywords ? "(" + mark.keyword() + ")" : "(\\Flagged)";
    }

    private interface ResponseReader<T> {
        T read(Response[] responses) throws ProtocolException;
    }

    /** Runs one command on the folder's connection, lets the folder see unsolicited responses, fails on NO/BAD. */
    private static <T> T run(IMAPFolder f, String command, ResponseReader<T> reader) throws MessagingException {
        @SuppressWarnings("unchecked")
        T result = (T) f.doCommand((IMAPProtocol p) -> {
            Response[] responses = p.command(command, null);
            Response status = responses[responses.length - 1];
            T value = status.isOK() ? reader.read(responses) : null;
            p.notifyResponseHandlers(responses);
            p.handleResult(status);
            return value;
        });
        return result;
    }

    static String sha256(byte[] raw) {
        return HexFormat.of().formatHex(newDigest().digest(raw));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("closing the folder failed", e);
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("closing the store failed", e);
        }
        folder = null;
        store = null;
    }
}
