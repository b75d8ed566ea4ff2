package org.conductd.commands;

import static org.conductd.commands.CommandFixtures.ALICE;
import static org.conductd.commands.CommandFixtures.PARSER;
import static org.conductd.commands.CommandFixtures.RESOLUTIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommandTableTest {

    /** An entry of the reference starts a line with its keyword; its summary is indented below. */
    private static final Pattern ENTRY = Pattern.compile("(?m)^([A-Z][A-Z-]+)(?=$|:|\\s)");

    private static final String HELP = CommandTable.helpText(RESOLUTIONS);

    /** A valid value (and body) for each keyword that needs one. */
    private static final Map<String, String> SAMPLE_VALUES = Map.ofEntries(
            Map.entry("NOTE", ": n"), Map.entry("SEVERITY", ": low"), Map.entry("ASSIGN", ": me"),
            Map.entry("CONFLICT", ": me"), Map.entry("CONFLICT-CLEAR", ": bob"), Map.entry("REPORTER", ": R"),
            Map.entry("REPORTED", ": P"), Map.entry("WHEN", ": w"), Map.entry("WHERE", ": w"),
            Map.entry("SUMMARY", ": s"), Map.entry("PUBLIC-SUMMARY", ": s"), Map.entry("REPLY", ": reporter\nHi."),
            Map.entry("RESOLVE", ": ban"), Map.entry("REJECT", ": r"), Map.entry("SEND-NOW", ": r"),
            Map.entry("REOPEN", ": r"));

    private static Set<String> keywordsInHelp() {
        Set<String> keywords = new LinkedHashSet<>();
        Matcher m = ENTRY.matcher(HELP);
        while (m.find()) {
            keywords.add(m.group(1));
        }
        return keywords;
    }

    /** Whether the parser takes the keyword, alone on a line, for a command (good or bad value). */
    private static boolean parserRecognises(String keyword) {
        ParseResult result = PARSER.parse(keyword, ALICE);
        return !(result instanceof ParseResult.Parsed parsed && parsed.commands().isEmpty());
    }

    @Nested
    class HelpAndParserAgree {

        @Test
        void helpListsExactlyTheKeywordsOfTheTable() {
            assertEquals(new LinkedHashSet<>(CommandTable.keywords()), keywordsInHelp());
        }

        @Test
        void everyKeywordInTheHelpIsRecognisedByTheParser() {
            List<String> unrecognised = keywordsInHelp().stream().filter(k -> !parserRecognises(k)).toList();
            assertEquals(List.of(), unrecognised);
        }

        @Test
        void everyKindOfCommandComesFromAKeywordInTheHelp() {
            Set<Class<?>> produced = new HashSet<>();
            for (String keyword : keywordsInHelp()) {
                String reply = keyword + SAMPLE_VALUES.getOrDefault(keyword, "");
                produced.add(CommandFixtures.only(reply).getClass());
            }
            assertEquals(Set.of(Command.class.getPermittedSubclasses()), produced);
        }

        @Test
        void everyParsedCommandMapsBackToTheEntryOfItsKeyword() {
            for (String keyword : keywordsInHelp()) {
                Command command = CommandFixtures.only(keyword + SAMPLE_VALUES.getOrDefault(keyword, ""));
                assertEquals(keyword, CommandSpec.of(command).keyword());
            }
        }

        @Test
        void wordsThatAreNotKeywordsAreNotRecognised() {
            assertFalse(parserRecognises("Thanks"));
        }
    }

    @Nested
    class HelpText {

        @Test
        void listsTheConfiguredResolutions() {
            assertTrue(HELP.contains("Resolutions: no-action, warning, stop-behavior,"), HELP);
        }

        @Test
        void listsTheSeverities() {
            assertTrue(HELP.contains("Severities: low, medium, high, urgent"), HELP);
        }

        @Test
        void showsEachCommandsSyntax() {
            assertTrue(HELP.contains("\nAPPROVE  or  APPROVE: D<n>\n"), HELP);
            assertTrue(HELP.contains("\nSEVERITY: low|medium|high|urgent\n"), HELP);
        }

        @Test
        void saysWhatTheLinesBelowADraftingCommandHold() {
            assertTrue(HELP.contains("REPLY: reporter|reported\n    followed by the message, on the lines below"), HELP);
        }

        @Test
        void marksExactlyTheDraftingCommandsAsNeedingApproval() {
            List<String> drafting = Arrays.stream(CommandSpec.values()).filter(CommandSpec::needsApproval)
                    .map(CommandSpec::keyword).toList();
            assertEquals(List.of("REPLY", "RESOLVE", "DSF-REPORT"), drafting);
            assertEquals(3, HELP.split("Sent only after another member's APPROVE", -1).length - 1);
        }

        @Test
        void saysWhenNoResolutionIsConfigured() {
            assertTrue(CommandTable.helpText(List.of()).contains("Resolutions: (none configured)"));
        }
    }

    @Nested
    class Lookup {

        @Test
        void keywordIsFoundInAnyCase() {
            assertEquals(Optional.of(CommandSpec.SEND_NOW), CommandTable.lookup("Send-Now"));
        }

        @Test
        void unknownWordIsNotFound() {
            assertEquals(Optional.empty(), CommandTable.lookup("RESOLVED"));
        }
    }
}
