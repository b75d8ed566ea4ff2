package org.conductd.commands;

import static org.conductd.commands.CommandFixtures.ALICE;
import static org.conductd.commands.CommandFixtures.PARSER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.conductd.commands.ReplyShapesTest.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decisions answered from every client in many languages, each fixture as its client writes the
 * plain text or, in {@code .html.txt} files, the HTML: top-posted, bottom-posted and inline, over quoted and unquoted originals, with
 * wrapped attributions and From lines, forwards, mobile footers and author lines that only look
 * like markers. Unlike {@code replies/shapes}, the author's new text here holds commands: the
 * author's block is the start of the new text, and the reply reads exactly as its new text does,
 * commands and refusals alike; nothing from the quoted request ("    APPROVE") is read.
 */
class ClientRepliesTest {

    private static final String DIRECTORY = "/replies/clients";
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
    void onlyTheAuthorsOwnCommandsAreRead(String name) throws IOException {
        Fixture fixture = Fixture.read(DIRECTORY, name);
        String authorBlock = fixture.authorBlockBy(trimmer);
        assertTrue(fixture.newText().startsWith(authorBlock), fixture.comment() + ": the author's block opens the new text");
        ParseResult read = PARSER.parse(fixture.trimmedBy(trimmer), authorBlock, ALICE);
        ParseResult written = PARSER.parse(fixture.newText(), authorBlock, ALICE);
        assertEquals(written, read, fixture.comment());
    }

}
