package org.conductd.commands;

import static org.conductd.commands.CommandFixtures.ALICE;
import static org.conductd.commands.CommandFixtures.PARSER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replies as each client writes them, in the languages teams answer in: the header blocks,
 * separators, attributions, quote prefixes and sign-offs of Outlook, Gmail, Apple Mail,
 * Thunderbird, webmail and mobile clients. For each, the new text is found exactly, and no
 * line of what it quotes is read as a command. Each fixture in {@code replies/shapes} opens
 * with a comment naming its client and language, then {@code === reply} and
 * {@code === new text}.
 */
class ReplyShapesTest {

    private static final String DIRECTORY = "/replies/shapes";
    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        return Fixture.names(DIRECTORY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theNewTextIsFoundExactly(String name) throws IOException {
        Fixture fixture = Fixture.read(DIRECTORY, name);
        assertEquals(fixture.newText(), fixture.trimmedBy(trimmer), fixture.comment());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void nothingQuotedIsReadAsACommand(String name) throws IOException {
        Fixture fixture = Fixture.read(DIRECTORY, name);
        ParseResult result = PARSER.parse(fixture.trimmedBy(trimmer), fixture.authorBlockBy(trimmer), ALICE);
        assertTrue(result instanceof ParseResult.Parsed parsed && parsed.commands().isEmpty(),
                fixture.comment() + ": " + result);
    }

    /** One fixture: what it shows, the reply as the client wrote it, and its new text. */
    record Fixture(String comment, String reply, String newText, boolean html) {

        /** The reply's new text as the trimmer finds it, by the HTML rules for an HTML fixture. */
        String trimmedBy(ReplyTrimmer trimmer) {
            return html ? trimmer.trimHtml(reply) : trimmer.trimPlain(reply);
        }

        /** The reply's author block as the trimmer finds it. */
        String authorBlockBy(ReplyTrimmer trimmer) {
            return html ? trimmer.authorBlockOfHtml(reply) : trimmer.authorBlockOfPlain(reply);
        }

        /** The fixtures' names in a folder of test resources, sorted. */
        static Stream<String> names(String directory) throws IOException, URISyntaxException {
            try (Stream<Path> files = Files.list(Path.of(ReplyShapesTest.class.getResource(directory).toURI()))) {
                return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
            }
        }

        static Fixture read(String directory, String name) throws IOException {
            String text;
            try (InputStream in = ReplyShapesTest.class.getResourceAsStream(directory + "/" + name)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(text.startsWith("# "), name + " opens with a comment naming its client and language");
            int reply = text.indexOf("\n=== reply\n");
            int newText = text.indexOf("\n=== new text\n");
            assertFalse(reply < 0 || newText < reply, name + " has a reply and then its new text");
            return new Fixture(name + " (" + text.substring(2, reply) + ")",
                    text.substring(reply + "\n=== reply\n".length(), newText + 1),
                    text.substring(newText + "\n=== new text\n".length()).strip(), name.endsWith(".html.txt"));
        }
    }
}
