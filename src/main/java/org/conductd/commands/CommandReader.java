package org.conductd.commands;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.conductd.mail.Severity;
import org.conductd.text.Addresses;

/**
 * Turns one recognised command, its value and the body below it into a {@link Command}, or says
 * why its value is bad and what may be written instead. Values are checked against the roster,
 * the configured resolutions and the fixed choices here, so a parsed command can be applied
 * without further checks.
 */
final class CommandReader {

    /** A command read, or the reason it cannot be. */
    sealed interface Reading {

        record Read(Command command) implements Reading {
        }

        record BadValue(String reason, List<String> validChoices) implements Reading {
        }
    }

    // RE2: a value is anyone's text, and a backtracking matcher can be made to take quadratic time.
    private static final Pattern DRAFT_ID = Pattern.compile("[Dd]0*([1-9][0-9]{0,8})");
    private static final List<String> PERSON_FORMS = List.of("Name <address>", "<address>", "Name");

    private final MemberNames members;
    private final List<String> resolutions;

    CommandReader(MemberNames members, List<String> resolutions) {
        this.members = members;
        this.resolutions = List.copyOf(resolutions);
    }

    Reading read(CommandSpec spec, String value, String body, String senderAddress) {
        String keyword = spec.keyword();
        return switch (spec) {
            case NOTE -> text(value, keyword + " needs the text of the note", Command.Note::new);
            case SEVERITY -> severity(value);
            case ASSIGN -> member(value, senderAddress, keyword, Command.Assign::new);
            case CONFLICT -> member(value, senderAddress, keyword, Command.Conflict::new);
            case CONFLICT_CLEAR -> member(value, senderAddress, keyword, Command.ConflictClear::new);
            case REPORTER -> person(value, keyword, true);
            case REPORTED -> person(value, keyword, false);
            case WHEN -> text(value, keyword + " needs a date or time", Command.SetWhen::new);
            case WHERE -> text(value, keyword + " needs a place", Command.SetWhere::new);
            case SUMMARY -> text(value, keyword + " needs a one-line summary", Command.SetSummary::new);
            case PUBLIC_SUMMARY -> text(value, keyword + " needs a one-line summary", Command.SetPublicSummary::new);
            case REPLY -> reply(value, body);
            case RESOLVE -> resolve(value, body);
            // Text on the DSF-REPORT line itself is plainly the start of the narrative.
            case DSF_REPORT -> new Reading.Read(new Command.DsfReport(joined(value, body)));
            case APPROVE -> approve(value);
            case REJECT -> text(value, keyword + " needs a reason, which the draft's author is told",
                    Command.Reject::new);
            case SEND_NOW -> text(value, keyword + " needs a reason, which every responder and organizer is told",
                    Command.SendNow::new);
            case REOPEN -> text(value, keyword + " needs a reason", Command.Reopen::new);
            case CLOSE -> bare(spec, value, new Command.Close());
            case STATUS -> bare(spec, value, new Command.Status());
            case HELP -> bare(spec, value, new Command.Help());
        };
    }

    private interface TextCommand {
        Command of(String text);
    }

    private static Reading text(String value, String whenMissing, TextCommand command) {
        return value.isEmpty() ? bad(whenMissing) : new Reading.Read(command.of(value));
    }

    private static Reading severity(String value) {
        if (value.isEmpty()) {
            return bad("SEVERITY needs a level", Severity.labels());
        }
        Optional<Severity> severity = Severity.fromLabel(value);
        return severity.<Reading>map(s -> new Reading.Read(new Command.SetSeverity(s)))
                .orElseGet(() -> bad(notOneOf(value, "a severity", Severity.labels()), Severity.labels()));
    }

    private Reading member(String value, String senderAddress, String keyword, TextCommand command) {
        if (value.isEmpty()) {
            return bad(keyword + " needs a member: me, a name or an address", members.names());
        }
        MemberNames.Match match = members.resolve(value, senderAddress);
        if (match instanceof MemberNames.Match.Found found) {
            return new Reading.Read(command.of(found.address()));
        }
        if (match instanceof MemberNames.Match.Ambiguous ambiguous) {
            return bad("\"" + value + "\" could be more than one member; write the full name or an address",
                    ambiguous.candidates());
        }
        return bad("no one on the team is \"" + value + "\"" + Suggestions.didYouMean(value, members.names()),
                members.names());
    }

    /**
     * {@code Name <address>}, {@code <address>}, a bare address, or a name alone: a responder may
     * know only one of them. An address is checked for shape only and kept in lower case.
     */
    private static Reading person(String value, String keyword, boolean reporter) {
        if (value.isEmpty()) {
            return bad(keyword + " needs a name, an address, or both, as Name <address>", PERSON_FORMS);
        }
        String name = value;
        String address = null;
        int open = value.indexOf('<');
        if (open >= 0 || value.indexOf('>') >= 0) {
            int close = value.indexOf('>', open + 1);
            if (open < 0 || close < 0 || !value.substring(close + 1).isBlank()) {
                return bad("write the address inside <…>, after the name", PERSON_FORMS);
            }
            name = value.substring(0, open);
            address = value.substring(open + 1, close).strip();
        } else {
            // Without brackets, a last word that is an address is the address; the rest, the name.
            int space = lastWhitespace(value);
            // A line written as a sentence may end its address with the sentence's punctuation.
            String last = withoutClosingPunctuation(value.substring(space + 1));
            if (isAddress(last) || space < 0 && last.contains("@")) {
                name = space < 0 ? "" : value.substring(0, space);
                address = last;
            }
        }
        if (address != null && !isAddress(address)) {
            return bad("\"" + address + "\" is not an email address", PERSON_FORMS);
        }
        name = unquoted(name.strip());
        String normalisedName = name.isEmpty() ? null : name;
        String normalisedAddress = address == null ? null : address.toLowerCase(Locale.ROOT);
        if (normalisedName == null && normalisedAddress == null) {
            return bad(keyword + " needs a name, an address, or both, as Name <address>", PERSON_FORMS);
        }
        return new Reading.Read(reporter ? new Command.SetReporter(normalisedName, normalisedAddress)
                : new Command.SetReported(normalisedName, normalisedAddress));
    }

    private static Reading reply(String value, String body) {
        if (value.isEmpty()) {
            return bad("REPLY needs to say whom to write to", Recipient.labels());
        }
        Optional<Recipient> to = Recipient.fromLabel(value);
        if (to.isEmpty()) {
            return bad(notOneOf(value, "someone conductd can write to", Recipient.labels()), Recipient.labels());
        }
        if (body.isEmpty()) {
            return bad("REPLY needs the message on the lines below it");
        }
        return new Reading.Read(new Command.Reply(to.get(), body));
    }

    private Reading resolve(String value, String body) {
        if (value.isEmpty()) {
            return bad("RESOLVE needs a resolution", resolutions);
        }
        String resolution = value.toLowerCase(Locale.ROOT);
        if (!resolutions.contains(resolution)) {
            return bad(notOneOf(value, "a resolution", resolutions), resolutions);
        }
        return new Reading.Read(new Command.Resolve(resolution, body));
    }

    private static Reading approve(String value) {
        if (value.isEmpty()) {
            return new Reading.Read(new Command.Approve(null));
        }
        Matcher id = DRAFT_ID.matcher(value);
        if (!id.matches()) {
            return bad("\"" + value + "\" is not a draft; drafts are named D1, D2, … in their approval requests",
                    List.of("APPROVE", "APPROVE: D<n>"));
        }
        return new Reading.Read(new Command.Approve("D" + id.group(1)));
    }

    private static Reading bare(CommandSpec spec, String value, Command command) {
        // A value here is more likely prose that began "Status: …" than a slip, so it is
        // refused rather than ignored: nothing happens that the sender did not mean.
        return value.isEmpty() ? new Reading.Read(command)
                : bad(spec.keyword() + " takes no value; write " + spec.keyword() + " alone on its line",
                        List.of(spec.keyword()));
    }

    private static String joined(String firstLine, String body) {
        if (firstLine.isEmpty()) {
            return body;
        }
        return body.isEmpty() ? firstLine : firstLine + "\n" + body;
    }

    private static String notOneOf(String value, String what, List<String> choices) {
        return "\"" + value + "\" is not " + what + Suggestions.didYouMean(value, choices);
    }

    /**
     * Whether {@code value} is one bare address a case can name. The domain must have a dot: the
     * people named in a case are on the internet, and "jan@example" is a typo.
     */
    private static boolean isAddress(String value) {
        return Addresses.parse(value).filter(address -> address.domain().indexOf('.') > 0).isPresent();
    }

    private static String withoutClosingPunctuation(String word) {
        int end = word.length();
        while (end > 0 && ",;.".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }

    private static int lastWhitespace(String value) {
        for (int i = value.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String unquoted(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1).strip() : name;
    }

    private static Reading bad(String reason) {
        return bad(reason, List.of());
    }

    private static Reading bad(String reason, List<String> choices) {
        return new Reading.BadValue(reason, choices);
    }
}
