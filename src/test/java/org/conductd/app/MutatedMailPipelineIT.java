package org.conductd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.conductd.ingest.FetchedMessage;
import org.conductd.ingest.ServerMark;
import org.conductd.intake.BatchIntake;
import org.conductd.store.Disposition;
import org.conductd.store.MessageRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.QuarantineRepository;
import org.conductd.store.StoredUid;
import org.conductd.support.HostileMail;
import org.conductd.support.TestConductd;
import org.conductd.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged corpus mail and synthetic extremes handed to the inbox pipeline as the mailbox sync
 * hands them over, on a real SQLite file: each is committed within five seconds as a stored
 * message or as a quarantined one (a messages row, and a quarantine row for the latter), and
 * no exception escapes. Every corpus message contributes {@value #MUTATIONS_PER_MESSAGE} of its
 * mutations, chosen by a seeded random (MutatedCorpusTest parses them all). The daemon itself
 * is not started; HostileMailIT runs mail like this through it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutatedMailPipelineIT {

    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private static final int MUTATIONS_PER_MESSAGE = 2;
    private static final String FOLDER = "Mutations";
    private static final long VALIDITY = 1;

    @TempDir
    static Path data;
    private TestMail mail;
    private ApplicationContext context;
    private BatchIntake pipeline;
    private MessageRepository messages;
    private long nextUid = 1;
    private int quarantined;
    private final Map<String, ServerMark> marksBySha = new HashMap<>();

    @BeforeAll
    void startContext() {
        mail = new TestMail();
        Map<String, Object> properties = TestConductd.properties(mail, data);
        // Hundreds of reports within a minute: a flood, whose notifications would be summarized.
        properties.put("conductd.flood.new-cases-per-hour", 1_000_000);
        context = Contexts.startWith(properties);
        pipeline = context.getBean(BatchIntake.class);
        messages = context.getBean(MessageRepository.class);
    }

    @AfterAll
    void stopContext() {
        try {
            // Every quarantined message has its quarantine row, and nothing else does.
            assertEquals(quarantined, context.getBean(QuarantineRepository.class).count());
        } finally {
            context.close();
            mail.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyMutationOfEveryCorpusMessageIsStoredOrQuarantinedInTime() {
        List<Path> files = HostileMail.corpusFiles();
        assumeFalse(files.isEmpty(), "no shared corpora at " + HostileMail.corpora());
        return files.stream().map(file -> DynamicTest.dynamicTest(HostileMail.nameOf(file), file.toUri(), () -> {
            String name = HostileMail.nameOf(file);
            List<HostileMail.Sample> mutations = HostileMail.mutationsOf(name, HostileMail.read(file));
            for (HostileMail.Sample mutation : HostileMail.seededChoice(mutations, MUTATIONS_PER_MESSAGE, name)) {
                acceptQuickly(mutation);
            }
        }));
    }

    @Test
    void tenThousandHeaderFieldsAreQuarantined() {
        assertEquals(ServerMark.QUARANTINED, acceptQuickly(HostileMail.tenThousandHeaderFields()));
    }

    @Test
    void thousandDeepNestingIsQuarantined() {
        assertEquals(ServerMark.QUARANTINED, acceptQuickly(HostileMail.thousandDeepNesting()));
    }

    @Test
    void tenMegabyteLineOpensACaseWhoseNotificationsQuoteOnlyItsStart() {
        assertEquals(ServerMark.PROCESSED, acceptQuickly(HostileMail.tenMegabyteLine()));

        long caseId = messages.findByMessageId("a10mbline@hostile.example.net").orElseThrow().caseId();
        List<OutboxItem> notifications = context.getBean(OutboxRepository.class).findByCaseIdOrderById(caseId).stream()
                .filter(m -> m.kind().headerValue().equals("case-notification")).toList();
        assertEquals(TestConductd.TEAM.size(), notifications.size());
        for (OutboxItem n : notifications) {
            assertTrue(n.raw().length < 1024 * 1024, "a notification of " + n.raw().length + " bytes");
        }
    }

    /** Hands one message to the pipeline as a batch of its own and checks what was committed. */
    private ServerMark acceptQuickly(HostileMail.Sample sample) {
        long uid = nextUid++;
        String sha = sha256(sample.raw());
        FetchedMessage fetched = new FetchedMessage(FOLDER, VALIDITY, uid, sample.raw(), null, sample.raw().length, sha, null);
        Map<Long, ServerMark> marks = assertTimeoutPreemptively(QUICKLY,
                () -> pipeline.accept(List.of(fetched), uid), sample.name());
        ServerMark mark = marks.get(uid);
        assertNotNull(mark, sample.name() + " got no outcome");
        assertTrue(messages.findDispositionBySha256(sha).isPresent(), sample.name() + " was not stored");
        ServerMark first = marksBySha.putIfAbsent(sha, mark);
        if (first == null) {
            List<StoredUid> rows = messages.findStoredUids(FOLDER, VALIDITY, List.of(uid));
            assertEquals(1, rows.size(), sample.name());
            assertEquals(mark == ServerMark.QUARANTINED, rows.get(0).disposition() == Disposition.QUARANTINED,
                    sample.name() + " is marked " + mark + " but stored as " + rows.get(0).disposition());
            quarantined += mark == ServerMark.QUARANTINED ? 1 : 0;
        } else {
            assertEquals(first, mark, sample.name() + ": the same bytes again get the mark the first copy got");
        }
        return mark;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
