package org.conductd.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the commands in the new text of a responder's reply (SPEC §3.4), after quotes and
 * signature are gone. A command is a line {@code KEYWORD: value} or a bare {@code KEYWORD};
 * REPLY, RESOLVE and DSF-REPORT also take the lines below them, up to the next command line.
 * Every other line is discussion. The result is all or nothing: every command valid, or every
 * bad line reported with its 1-based line number. Pure: no I/O, safe to share between threads.
 */
public final class CommandParser {

    /** Why a command in an inline answer is not run. */
    static final String BELOW_A_QUOTE = "a command below a quoted message is not run: write commands at the top of your "
            + "reply, above the quote";

    private final CommandReader reader;

    /**
     * @param roster      the team, for member names in ASSIGN, CONFLICT and CONFLICT-CLEAR
     * @param resolutions the configured resolutions, the only values RESOLVE accepts
     */
    public CommandParser(List<RosterEntry> roster, List<String> resolutions) {
        List<String> lowerCase = resolutions.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).toList();
        this.reader = new CommandReader(new MemberNames(roster), lowerCase);
    }

    /**
     * @param newText       the reply's own text, without quotes or signature
     * @param senderAddress the sender's roster address, which {@code me} stands for
     */
    public ParseResult parse(String newText, String senderAddress) {
        return parse(newText, newText, senderAddress);
    }

    /**
     * Reads a reply whose author's own block (SPEC §3.4) is {@code authorBlock}, the start of
     * {@code newText}: a command below it, in an inline answer under a quote, is reported as a
     * problem rather than run, and the sender is told to write it at the top.
     *
     * @param newText       the reply's own text, without quotes or signature
     * @param authorBlock   its lines above the first quote ({@link ReplyTrimmer#authorBlock})
     * @param senderAddress the sender's roster address, which {@code me} stands for
     */
    public ParseResult parse(String newText, String authorBlock, String senderAddress) {
        Objects.requireNonNull(senderAddress, "senderAddress");
        if (newText == null || newText.isBlank()) {
            return new ParseResult.Parsed(List.of(), "");
        }
        List<String> lines = lines(newText);
        int authorLines = authorBlock == null || authorBlock.isBlank() ? 0 : lines(authorBlock).size();
        Collected reply = new Collected();
        int i = 0;
        while (i < lines.size()) {
            int lineNumber = i + 1;
            String line = lines.get(i++);
            LineClassifier.Kind kind = LineClassifier.classify(line);
            if (lineNumber > authorLines && !(kind instanceof LineClassifier.Kind.Prose)) {
                reply.problem(lineNumber, line, BELOW_A_QUOTE, List.of());
            } else if (kind instanceof LineClassifier.Kind.Keyword keyword) {
                String body = "";
                if (keyword.spec().takesBody()) {
                    int end = endOfBody(lines, i);
                    body = withoutOuterBlankLines(lines.subList(i, end));
                    i = end;
                }
                reply.command(lineNumber, line, keyword.spec(),
                        reader.read(keyword.spec(), keyword.value(), body, senderAddress));
            } else if (kind instanceof LineClassifier.Kind.BadKeyword bad) {
                reply.problem(lineNumber, line, bad.reason(), bad.validChoices());
            } else {
                reply.discussion(line);
            }
        }
        return reply.result();
    }

    /** A body runs up to the next line that is, or tries to be, a command written in capitals. */
    private static int endOfBody(List<String> lines, int from) {
        int end = from;
        while (end < lines.size() && !endsBody(lines.get(end))) {
            end++;
        }
        return end;
    }

    /**
     * Inside a letter to a reporter or reported person, "When: Saturday" is part of the letter;
     * only a command written in capitals ends it, as people write the commands they mean.
     */
    private static boolean endsBody(String line) {
        if (LineClassifier.classify(line) instanceof LineClassifier.Kind.Prose) {
            return false;
        }
        String text = line.strip();
        int from = 0;
        while (from < text.length() && text.charAt(from) == '*') {
            from++;
        }
        int to = from;
        while (to < text.length() && !isWordEnd(text.charAt(to))) {
            to++;
        }
        String word = text.substring(from, to);
        return word.equals(word.toUpperCase(Locale.ROOT));
    }

    /** A keyword ends at its colon, a blank, or the asterisk that closes bold markup. */
    private static boolean isWordEnd(char c) {
        return c == ':' || c == '*' || c == ' ' || c >= '\t' && c <= '\r';
    }

    /**
     * The lines of the text, split at any line break: CR LF, LF, CR, vertical tab, form feed,
     * NEL and the Unicode line and paragraph separators (what {@code \\R} matches). A scan
     * rather than a pattern, since the text is anyone's.
     */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                lines.add(text.substring(start, i));
                i += 2;
                start = i;
            } else if (c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028'
                    || c == '\u2029') {
                lines.add(text.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    private static String withoutOuterBlankLines(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return String.join("\n", lines.subList(from, to));
    }

    /** The commands, problems and discussion of one reply, gathered line by line. */
    private static final class Collected {

        private final List<Command> commands = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final Map<Object, Integer> firstLineOf = new HashMap<>();
        private final List<String> discussion = new ArrayList<>();
        private boolean droppedSinceLastKept;

        void command(int lineNumber, String line, CommandSpec spec, CommandReader.Reading reading) {
            droppedSinceLastKept = true;
            if (reading instanceof CommandReader.Reading.BadValue bad) {
                problem(lineNumber, line, bad.reason(), bad.validChoices());
            } else if (reading instanceof CommandReader.Reading.Read read) {
                Object key = onceKey(spec, read.command());
                Integer first = key == null ? null : firstLineOf.putIfAbsent(key, lineNumber);
                if (first == null) {
                    commands.add(read.command());
                } else {
                    problem(lineNumber, line, once(spec, read.command()) + " per reply; the first is on line " + first,
                            List.of());
                }
            }
        }

        void problem(int lineNumber, String line, String reason, List<String> validChoices) {
            droppedSinceLastKept = true;
            problems.add(new Problem(lineNumber, line.strip(), reason, validChoices));
        }

        /**
         * Keeps a line of discussion. Where a command was taken out from between two blank lines,
         * one of them goes too, so the relayed text does not gape.
         */
        void discussion(String line) {
            boolean blankAfterBlank = line.isBlank() && !discussion.isEmpty()
                    && discussion.get(discussion.size() - 1).isBlank();
            if (!(blankAfterBlank && droppedSinceLastKept)) {
                discussion.add(line);
            }
            droppedSinceLastKept = false;
        }

        ParseResult result() {
            return problems.isEmpty() ? new ParseResult.Parsed(commands, withoutOuterBlankLines(discussion))
                    : new ParseResult.Problems(problems);
        }

        /** What must be unique in one reply for this command, or null when it may repeat. */
        private static Object onceKey(CommandSpec spec, Command command) {
            return switch (spec.repeat()) {
                case MANY -> null;
                case ONCE -> spec;
                case ONCE_PER_VALUE -> List.of(spec, valueOf(command));
            };
        }

        /** The value that tells two commands of an {@code ONCE_PER_VALUE} kind apart. */
        private static Object valueOf(Command command) {
            if (command instanceof Command.Reply reply) {
                return reply.to();
            }
            if (command instanceof Command.Approve approve) {
                // Bare APPROVE means "the draft this reply answers"; two of them are one too many.
                return Objects.requireNonNullElse(approve.draftId(), "");
            }
            return command;
        }

        private static String once(CommandSpec spec, Command command) {
            if (command instanceof Command.Reply reply) {
                return "only one REPLY to the " + reply.to().label();
            }
            if (command instanceof Command.Approve approve && approve.draftId() != null) {
                return "only one APPROVE of " + approve.draftId();
            }
            return "only one " + spec.keyword();
        }
    }
}
