package org.conductd.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.conductd.support.HostileMail;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Damaged copies of every corpus message (cut short, bytes flipped, boundaries dropped or
 * damaged; see {@link HostileMail}): each ends, within five seconds, as Parsed or Unparseable,
 * and no exception escapes the parser. Skipped where the shared corpora are absent.
 */
class MutatedCorpusTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private final MessageParser parser = new MessageParser();

    @TestFactory
    Stream<DynamicTest> everyMutationOfEveryCorpusMessageEndsWithAnOutcomeInTime() {
        List<Path> files = HostileMail.corpusFiles();
        assumeFalse(files.isEmpty(), "no shared corpora at " + HostileMail.corpora());
        return files.stream().map(file -> DynamicTest.dynamicTest(HostileMail.nameOf(file), file.toUri(), () -> {
            List<HostileMail.Sample> mutations = HostileMail.mutationsOf(HostileMail.nameOf(file), HostileMail.read(file));
            for (HostileMail.Sample mutation : mutations) {
                assertNotNull(parseQuickly(mutation), mutation.name());
            }
        }));
    }

    @Test
    void thousandDeepNestingEndsAsUnparseable() {
        ParseOutcome outcome = parseQuickly(HostileMail.thousandDeepNesting());
        assertEquals("The message has parts nested more than 50 levels deep.",
                assertInstanceOf(ParseOutcome.Unparseable.class, outcome).reason());
    }

    @Test
    void tenThousandHeaderFieldsEndAsUnparseable() {
        ParseOutcome outcome = parseQuickly(HostileMail.tenThousandHeaderFields());
        assertEquals("The message has more than 2000 header fields.",
                assertInstanceOf(ParseOutcome.Unparseable.class, outcome).reason());
    }

    @Test
    void tenMegabyteLineIsReadWhole() {
        ParseOutcome outcome = parseQuickly(HostileMail.tenMegabyteLine());
        String text = assertInstanceOf(ParseOutcome.Parsed.class, outcome).message().text();
        assertEquals(10 * 1024 * 1024, text.strip().length(), 1024);
    }

    private ParseOutcome parseQuickly(HostileMail.Sample sample) {
        return assertTimeoutPreemptively(QUICKLY, () -> parser.parse(sample.raw()), sample.name());
    }
}
