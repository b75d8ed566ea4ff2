package org.conductd.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The team, resolutions and reply fixtures the command tests share. */
final class CommandFixtures {

    static final String ALICE = "alice@example.org";
    static final String BOB = "bob@example.org";
    static final String SAM_JONES = "sam.jones@example.org";
    static final String SAM_LEE = "sam.lee@example.org";

    static final List<RosterEntry> ROSTER = List.of(
            new RosterEntry("Alice Example", ALICE, List.of("alice.e@gmail.com")),
            new RosterEntry("Bob Builder", BOB, List.of()),
            new RosterEntry("Sam Jones", SAM_JONES, List.of()),
            new RosterEntry("Sam Lee", SAM_LEE, List.of("SamLee@Personal.example")));

    static final List<String> RESOLUTIONS = List.of("no-action", "warning", "stop-behavior", "no-contact",
            "no-video", "cancel-talk", "end-volunteering", "no-future-volunteering", "leave-event", "ban",
            "publish-account", "other");

    static final CommandParser PARSER = new CommandParser(ROSTER, RESOLUTIONS);

    private CommandFixtures() {
    }

    /** The reply as Alice sends it, which must parse. */
    static ParseResult.Parsed parsed(String text) {
        return assertInstanceOf(ParseResult.Parsed.class, PARSER.parse(text, ALICE));
    }

    static List<Command> commands(String text) {
        return parsed(text).commands();
    }

    /** The one command of a one-command reply. */
    static Command only(String text) {
        List<Command> commands = commands(text);
        assertEquals(1, commands.size(), () -> "commands: " + commands);
        return commands.get(0);
    }

    static List<Problem> problems(String text) {
        return assertInstanceOf(ParseResult.Problems.class, PARSER.parse(text, ALICE)).problems();
    }

    /** The one problem of a reply with one bad line. */
    static Problem problem(String text) {
        List<Problem> problems = problems(text);
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        return problems.get(0);
    }

    /** A reply's new text from src/test/resources/commands/{scenario}.txt. */
    static String reply(String scenario) {
        try (InputStream in = CommandFixtures.class.getResourceAsStream("/commands/" + scenario + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + scenario);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
