package org.conductd.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.conductd.mail.InboundMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real mail from other projects' test suites (the folder named by the system property
 * {@code conductd.corpora}; skipped when it is absent). Every message must end, within five
 * seconds, as Parsed or Unparseable; every sisimai message (auto-replies and bounces) must be
 * recognised as automatic mail.
 */
class CorpusParsingTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    /**
     * Sisimai messages that cannot be parsed, with the reason. They are quarantined, which also
     * means no reply; the test checks that they still are, so a change shows up here.
     */
    private static final Map<String, String> SISIMAI_UNPARSEABLE = Map.of(
            "rfc3464-36.eml", "its From field is written on the Date line, so it has no From header");

    private final MessageParser parser = new MessageParser();
    private final AutomaticMail automaticMail = new AutomaticMail();

    @BeforeAll
    static void corporaArePresent() {
        String corpora = System.getProperty("conductd.corpora");
        assumeTrue(corpora != null && Files.isDirectory(Path.of(corpora)),
                "no corpus folder (system property conductd.corpora): " + corpora);
    }

    @TestFactory
    Stream<DynamicNode> everyCorpusMessageParsesOrIsRefusedInTime() {
        return Stream.of(
                folder("mime4j/core/src/test/resources/testmsgs", name -> name.endsWith(".msg")),
                folder("flanker/tests/fixtures/messages", name -> true),
                folder("sisimai/maildir/bsd", name -> true),
                folder("talon", name -> name.endsWith(".eml")),
                folder("github-email_reply_parser/test/emails", name -> true));
    }

    @TestFactory
    Stream<DynamicTest> everySisimaiMessageIsAutomatic() {
        return files("sisimai/maildir/bsd", name -> true).map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), file.toUri(), () -> assertAutomatic(file)));
    }

    @TestFactory
    Stream<DynamicTest> everySisimaiDeliveryStatusNotificationIsABounce() {
        return files("sisimai/maildir/bsd", name -> name.startsWith("rfc3464-")
                && !SISIMAI_UNPARSEABLE.containsKey(name)).map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), file.toUri(),
                () -> assertTrue(automaticMail.isBounce(parsed(file)))));
    }

    @TestFactory
    Stream<DynamicTest> noSisimaiAutoReplyIsABounce() {
        return files("sisimai/maildir/bsd", name -> name.startsWith("rfc3834-")).map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), file.toUri(),
                () -> assertFalse(automaticMail.isBounce(parsed(file)))));
    }

    private DynamicContainer folder(String folder, Predicate<String> included) {
        List<DynamicTest> tests = files(folder, included)
                .map(file -> DynamicTest.dynamicTest(
                        root().relativize(file).toString(), file.toUri(), () -> assertEndsInTime(file)))
                .toList();
        return DynamicContainer.dynamicContainer(folder, tests);
    }

    private void assertEndsInTime(Path file) {
        byte[] raw = read(file);
        assertNotNull(assertTimeoutPreemptively(LIMIT, () -> parser.parse(raw)));
    }

    private void assertAutomatic(Path file) {
        String name = file.getFileName().toString();
        ParseOutcome outcome = parser.parse(read(file));
        if (SISIMAI_UNPARSEABLE.containsKey(name)) {
            assertInstanceOf(ParseOutcome.Unparseable.class, outcome, SISIMAI_UNPARSEABLE.get(name));
            return;
        }
        InboundMessage message = assertInstanceOf(ParseOutcome.Parsed.class, outcome).message();
        assertTrue(automaticMail.classify(message).isPresent(), name + " is not recognised as automatic");
    }

    private InboundMessage parsed(Path file) {
        return assertInstanceOf(ParseOutcome.Parsed.class, parser.parse(read(file))).message();
    }

    private static Stream<Path> files(String folder, Predicate<String> included) {
        Path dir = root().resolve(folder);
        assumeTrue(Files.isDirectory(dir), "corpus folder " + dir + " is absent");
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> included.test(file.getFileName().toString()))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        return Path.of(System.getProperty("conductd.corpora")).toAbsolutePath().normalize();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
