package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.conductd.store.Disposition;
import org.conductd.store.MessageRepository;
import org.conductd.store.QuarantineRepository;
import org.conductd.store.StoredUid;
import org.conductd.support.ConductdIT;
import org.conductd.support.HostileMail;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.Test;

/**
 * A representative set of damaged corpus mail and the synthetic extremes, delivered to the
 * mailbox the daemon reads: every message ends stored or quarantined, with the mark on the
 * server to match, none is lost, and the daemon then still answers a plain report.
 */
class HostileMailIT extends ConductdIT {

    private static final String PROCESSED = "$ConductdProcessed";
    private static final String QUARANTINED = "$ConductdQuarantined";

    @Test
    void everyDamagedOrExtremeMessageIsStoredOrQuarantinedAndMarkedAndTheDaemonCarriesOn() throws Exception {
        List<HostileMail.Sample> delivered = representativeSamples();
        deliverAll(delivered);
        conductd.settle();

        Map<Long, ServerCopy> server = inbox();
        assertEquals(delivered.size(), server.size(), "every message is still on the server");
        List<Long> uids = new ArrayList<>(server.keySet());
        Map<Long, Disposition> stored = conductd.bean(MessageRepository.class)
                .findStoredUids("INBOX", uidValidity(), uids).stream()
                .collect(Collectors.toMap(StoredUid::uid, StoredUid::disposition));
        MessageRepository messages = conductd.bean(MessageRepository.class);
        Map<String, String> outcomes = new LinkedHashMap<>();
        int quarantined = 0;
        for (int i = 0; i < uids.size(); i++) {
            long uid = uids.get(i);
            String name = delivered.get(i).name();
            Flags flags = server.get(uid).flags();
            if (!stored.containsKey(uid)) {
                // The same bytes as a message stored before (two damaged copies can come out alike): kept once.
                assertTrue(messages.findDispositionBySha256(server.get(uid).sha256()).isPresent(), name + " has no messages row");
                assertTrue(flags.contains(PROCESSED) || flags.contains(QUARANTINED), name + " is not marked");
                continue;
            }
            boolean isQuarantined = stored.get(uid) == Disposition.QUARANTINED;
            assertTrue(flags.contains(isQuarantined ? QUARANTINED : PROCESSED), name + " is not marked " + stored.get(uid));
            assertFalse(flags.contains(isQuarantined ? PROCESSED : QUARANTINED), name + " carries both marks");
            quarantined += isQuarantined ? 1 : 0;
            outcomes.put(name, stored.get(uid).name());
        }
        assertEquals(quarantined, conductd.bean(QuarantineRepository.class).count(), "a quarantine row for each");
        assertEquals("QUARANTINED", outcomes.get("10,000 header fields"));
        assertEquals("QUARANTINED", outcomes.get("1,000-deep nesting"));
        assertEquals("REPORT", outcomes.get("a 10 MB line"));

        mail.send("jane@example.net", "Something happened", "Plain words.", Map.of());
        conductd.settle();
        assertTrue(acknowledged("jane@example.net"), "the daemon still answers a plain report");
    }

    /**
     * The synthetic extremes, and from each corpus folder two messages with three of their
     * mutations, all chosen by a seeded random: the same set on every run.
     */
    private static List<HostileMail.Sample> representativeSamples() {
        List<Path> files = HostileMail.corpusFiles();
        assumeFalse(files.isEmpty(), "no shared corpora at " + HostileMail.corpora());
        Map<String, List<HostileMail.Sample>> byFolder = new TreeMap<>();
        for (Path file : files) {
            String name = HostileMail.nameOf(file);
            byFolder.computeIfAbsent(name.substring(0, name.indexOf('/')), f -> new ArrayList<>())
                    .add(new HostileMail.Sample(name, HostileMail.read(file)));
        }
        List<HostileMail.Sample> samples = new ArrayList<>(List.of(HostileMail.tenThousandHeaderFields(),
                HostileMail.thousandDeepNesting(), HostileMail.tenMegabyteLine()));
        for (Map.Entry<String, List<HostileMail.Sample>> folder : byFolder.entrySet()) {
            for (HostileMail.Sample message : HostileMail.seededChoice(folder.getValue(), 2, folder.getKey())) {
                samples.addAll(HostileMail.seededChoice(HostileMail.mutationsOf(message.name(), message.raw()), 3,
                        message.name()));
            }
        }
        return samples;
    }

    /** Appends the messages to the inbox in one IMAP session, in order, as a backlog arrives. */
    private void deliverAll(List<HostileMail.Sample> samples) throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Session session = Session.getInstance(new Properties());
            for (HostileMail.Sample sample : samples) {
                inbox.appendMessages(new Message[] {new MimeMessage(session, new ByteArrayInputStream(sample.raw()))});
            }
            inbox.close(false);
        }
    }

    /** Whether an acknowledgement reached this address; the corpus mail in the inbox has addresses no parser takes. */
    private boolean acknowledged(String address) {
        return Arrays.stream(mail.greenMail().getReceivedMessages())
                .anyMatch(m -> "ack".equals(TestMail.header(m, "X-Conductd-Kind"))
                        && TestMail.header(m, "To").contains(address));
    }

    /** A message as the server keeps it: its flags, and the SHA-256 of its bytes. */
    private record ServerCopy(Flags flags, String sha256) {
    }

    /** Every message of the conduct inbox by UID, in UID order. */
    private Map<Long, ServerCopy> inbox() throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Map<Long, ServerCopy> copies = new TreeMap<>();
            for (Message m : inbox.getMessages()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                    m.writeTo(out);
                }
                copies.put(((UIDFolder) inbox).getUID(m), new ServerCopy(m.getFlags(), HexFormat.of().formatHex(sha.digest())));
            }
            inbox.close(false);
            return copies;
        }
    }

    private long uidValidity() throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            long validity = ((UIDFolder) inbox).getUIDValidity();
            inbox.close(false);
            return validity;
        }
    }

    private Store imap() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        // One FETCH per message: in 16 KB pieces, the 10 MB one would cost hundreds of GreenMail round trips.
        props.put("mail.imap.partialfetch", "false");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", mail.imapPort(), TestMail.CONDUCT, TestMail.CONDUCT_PASSWORD);
        return store;
    }
}
