package org.conductd.commands;

import com.google.re2j.Pattern;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells what one line of a reply is: ordinary prose, a known command with its value, or an
 * attempt at a command that cannot be read (SPEC §3.4). Known keywords count in any case; an
 * unknown word in capitals before a colon is refused, with the nearest keyword as a hint. A
 * line indented by four columns or more is never a command: every example in conductd's own
 * mail is indented so, and a client that quotes that mail without "&gt;" keeps the indent.
 */
final class LineClassifier {

    /** What a line is. */
    sealed interface Kind {

        record Prose() implements Kind {
        }

        /** A known keyword; {@code value} is what follows the colon, stripped, or {@code ""}. */
        record Keyword(CommandSpec spec, String value) implements Kind {
        }

        /** Written as a command but not one: the reason and what could be written instead. */
        record BadKeyword(String reason, List<String> validChoices) implements Kind {
        }
    }

    // RE2 patterns: a line is anyone's text, and these must not backtrack over it.
    private static final Pattern CAPITAL_WORD = Pattern.compile("\\p{Lu}[\\p{Lu}\\p{N}_-]+");
    private static final Pattern FEW_CAPITAL_WORDS =
            Pattern.compile("\\p{Lu}[\\p{Lu}\\p{N}_-]*(?:[[:space:]]+\\p{Lu}[\\p{Lu}\\p{N}_-]*){0,2}");
    private static final Pattern WHITESPACE = Pattern.compile("[[:space:]]+");

    /**
     * Capitalised words that open a line of ordinary mail ("PS: I'll be late"). The spec refuses
     * every unknown capitalised word before a colon; refusing these would bounce whole replies
     * for a postscript, and none is near a keyword, so they stay prose.
     */
    private static final Set<String> MAIL_ABBREVIATIONS = Set.of(
            "PS", "PPS", "NB", "FYI", "BTW", "TLDR", "FWIW", "IMO", "IMHO", "ETA",
            "RE", "FW", "FWD", "EDIT", "UPDATE", "TODO");

    /** Keywords that may stand alone on a line, which a capitalised lone word may have meant. */
    private static final List<String> BARE_KEYWORDS = Arrays.stream(CommandSpec.values())
            .filter(CommandSpec::mayStandAlone)
            .map(CommandSpec::keyword)
            .toList();

    /** The indent, in columns, from which a line is an example or a quote, never a command. */
    static final int EXAMPLE_INDENT = 4;

    private LineClassifier() {
    }

    static Kind classify(String line) {
        if (isIndentedExample(line)) {
            return new Kind.Prose();
        }
        Split split = Split.of(line);
        if (split.head().isEmpty()) {
            return new Kind.Prose();
        }
        Optional<CommandSpec> known = CommandTable.lookup(split.head());
        if (known.isPresent()) {
            return new Kind.Keyword(known.get(), split.rest() == null ? "" : split.rest().strip());
        }
        return split.rest() != null ? unknownBeforeColon(split) : shoutedWithoutColon(split.head());
    }

    /** {@code RESOLVED: warning} is a mistyped command; {@code Thanks: …} and URLs are prose. */
    private static Kind unknownBeforeColon(Split split) {
        String head = split.head();
        if (split.rest().startsWith("//") || MAIL_ABBREVIATIONS.contains(head)) {
            return new Kind.Prose();
        }
        boolean oneWord = CAPITAL_WORD.matches(head);
        if (!oneWord && !FEW_CAPITAL_WORDS.matches(head)) {
            return new Kind.Prose();
        }
        String hint = Suggestions.didYouMean(head, CommandTable.keywords());
        // "SEND NOW:" is SEND-NOW with a space, but "TO DO:" is just shouting.
        return oneWord || !hint.isEmpty() ? unknownCommand(head, hint) : new Kind.Prose();
    }

    /**
     * A line all in capitals that reads like a command without its colon: {@code APPROVE D3},
     * {@code SEVERITY HIGH}, or {@code APPROVED} alone. Left as prose it would be relayed while
     * the sender believes it was done. Mixed-case lines without a colon are always prose.
     */
    private static Kind shoutedWithoutColon(String line) {
        if (line.chars().anyMatch(Character::isLowerCase) || !FEW_CAPITAL_WORDS.matcher(line).lookingAt()) {
            return new Kind.Prose();
        }
        String[] words = WHITESPACE.split(line, 2);
        Optional<CommandSpec> first = CommandTable.lookup(words[0]);
        if (first.isPresent()) {
            CommandSpec spec = first.get();
            if (spec.refusesValue()) {
                return new Kind.BadKeyword(spec.keyword() + " takes no value; write " + spec.keyword()
                        + " alone on its line", List.of(spec.usage()));
            }
            return new Kind.BadKeyword("a colon must follow " + spec.keyword() + "; write "
                    + spec.keyword() + ": " + words[1], List.of(spec.usage()));
        }
        if (FEW_CAPITAL_WORDS.matches(line)) {
            String hint = Suggestions.didYouMean(line, BARE_KEYWORDS);
            if (!hint.isEmpty()) {
                return unknownCommand(line, hint);
            }
        }
        return new Kind.Prose();
    }

    /**
     * Whether the line starts with four columns of blanks: spaces and no-break spaces one each
     * (text from HTML mail indents with those), a tab to the next multiple of four.
     */
    static boolean isIndentedExample(String line) {
        int columns = 0;
        for (int i = 0; i < line.length() && columns < EXAMPLE_INDENT; i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                columns += EXAMPLE_INDENT - columns % EXAMPLE_INDENT;
            } else if (c == ' ' || c == '\u00a0' || Character.isSpaceChar(c)) {
                columns++;
            } else {
                return false;
            }
        }
        return columns >= EXAMPLE_INDENT;
    }

    private static Kind unknownCommand(String written, String hint) {
        return new Kind.BadKeyword("\"" + written + "\" is not a command" + hint, CommandTable.keywords());
    }

    /**
     * A line cut at its first colon: the head before it and the rest after it ({@code null} when
     * there is no colon). Mail clients turn bold into {@code *NOTE:*} or {@code **NOTE**:}; one
     * or two asterisks that open the line and close around the keyword or its colon are dropped.
     */
    record Split(String head, String rest) {

        static Split of(String line) {
            // Text from HTML mail indents and spaces with no-break spaces, which strip() keeps.
            String s = line.replace('\u00a0', ' ').strip();
            int stars = 0;
            while (stars < 2 && stars < s.length() && s.charAt(stars) == '*') {
                stars++;
            }
            if (stars > 0) {
                String closing = "*".repeat(stars);
                Split inner = plain(s.substring(stars));
                if (inner.head().endsWith(closing)) {
                    return new Split(inner.head().substring(0, inner.head().length() - stars).strip(), inner.rest());
                }
                if (inner.rest() != null && inner.rest().startsWith(closing)) {
                    return new Split(inner.head(), inner.rest().substring(stars));
                }
            }
            // No bold markup around the keyword (a "* item" bullet, say): read the line as written.
            return plain(s);
        }

        private static Split plain(String s) {
            int colon = s.indexOf(':');
            return colon < 0 ? new Split(s.strip(), null) : new Split(s.substring(0, colon).strip(), s.substring(colon + 1));
        }
    }
}
