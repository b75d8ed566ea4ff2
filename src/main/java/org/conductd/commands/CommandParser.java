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
        Objects.requireNonNull(senderAddress, "senderAddress");
        if (newText == null || newText.isBlank()) {
            return new ParseResult.Parsed(List.of(), "");
        }
        String[] lines = newText.split("\\R", -1);
        List<Command> commands = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Discussion discussion = new Discussion();
        Map<Object, Integer> firstLineOf = new HashMap<>();
        int i = 0;
        while (i < lines.length) {
            int lineNumber = i + 1;
            String line = lines[i];
            LineClassifier.Kind kind = LineClassifier.classify(line);
            i++;
            if (kind instanceof LineClassifier.Kind.Prose) {
                discussion.keep(line);
                continue;
            }
            discussion.drop();
            if (kind instanceof LineClassifier.Kind.BadKeyword bad) {
                problems.add(new Problem(lineNumber, line.strip(), bad.reason(), bad.validChoices()));
                continue;
            }
            LineClassifier.Kind.Keyword keyword = (LineClassifier.Kind.Keyword) kind;
            CommandSpec spec = keyword.spec();
            String body = "";
            if (spec.takesBody()) {
                int end = i;
                while (end < lines.length && LineClassifier.classify(lines[end]) instanceof LineClassifier.Kind.Prose) {
                    end++;
                }
                body = withoutOuterBlankLines(List.of(lines).subList(i, end));
                i = end;
            }
            CommandReader.Reading reading = reader.read(spec, keyword.value(), body, senderAddress);
            if (reading instanceof CommandReader.Reading.BadValue bad) {
                problems.add(new Problem(lineNumber, line.strip(), bad.reason(), bad.validChoices()));
                continue;
            }
            Command command = ((CommandReader.Reading.Read) reading).command();
            Object key = onceKey(spec, command);
            Integer first = key == null ? null : firstLineOf.putIfAbsent(key, lineNumber);
            if (first != null) {
                problems.add(new Problem(lineNumber, line.strip(), once(spec, command) + " per reply; the first is on line "
                        + first, List.of()));
                continue;
            }
            commands.add(command);
        }
        if (!problems.isEmpty()) {
            return new ParseResult.Problems(problems);
        }
        return new ParseResult.Parsed(commands, discussion.text());
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

    /**
     * The lines that are not commands, in order. Where a command line is taken out from between
     * two blank lines, one of them goes too, so the relayed text does not gape.
     */
    private static final class Discussion {

        private final List<String> kept = new ArrayList<>();
        private boolean droppedSinceLastKept;

        void keep(String line) {
            boolean blankAfterBlank = line.isBlank() && !kept.isEmpty() && kept.get(kept.size() - 1).isBlank();
            if (!(blankAfterBlank && droppedSinceLastKept)) {
                kept.add(line);
            }
            droppedSinceLastKept = false;
        }

        void drop() {
            droppedSinceLastKept = true;
        }

        String text() {
            return withoutOuterBlankLines(kept);
        }
    }
}
