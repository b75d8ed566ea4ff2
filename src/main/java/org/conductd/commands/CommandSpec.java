package org.conductd.commands;

import org.conductd.mail.Severity;

/**
 * One row of the command table: the keyword, how its value and the lines below it are written,
 * what it does, whether what it drafts waits for a second member, and how often it may appear in
 * one reply. The parser recognises exactly these keywords and the help text lists exactly these
 * rows, so the two cannot drift apart.
 */
public enum CommandSpec {
    NOTE("NOTE", "text", false, "",
            "Adds an internal note to the case record.", false, Repeat.MANY),
    SEVERITY("SEVERITY", String.join("|", Severity.labels()), false, "",
            "Sets the severity; urgent alerts every responder and organizer at once.", false, Repeat.ONCE),
    ASSIGN("ASSIGN", "me|name|address", false, "",
            "Makes that member the lead of the case.", false, Repeat.ONCE),
    CONFLICT("CONFLICT", "me|name|address", false, "",
            "Declares a member's conflict of interest: no more mail about the case, no approvals.",
            false, Repeat.MANY),
    CONFLICT_CLEAR("CONFLICT-CLEAR", "name|address", false, "",
            "Clears another member's conflict and brings them back into the case.", false, Repeat.MANY),
    REPORTER("REPORTER", "Name <address>", false, "",
            "Records who reported the incident (a name or an address alone will do).", false, Repeat.ONCE),
    REPORTED("REPORTED", "Name <address>", false, "",
            "Records who is reported, and tells the team about earlier cases naming them.",
            false, Repeat.ONCE),
    WHEN("WHEN", "text", false, "",
            "Records when the incident happened.", false, Repeat.ONCE),
    WHERE("WHERE", "text", false, "",
            "Records where the incident happened.", false, Repeat.ONCE),
    SUMMARY("SUMMARY", "one line", false, "",
            "Sets the summary for the incident log and the DSF report.", false, Repeat.ONCE),
    PUBLIC_SUMMARY("PUBLIC-SUMMARY", "one line", false, "",
            "Sets the anonymised summary for the transparency report.", false, Repeat.ONCE),
    REPLY("REPLY", String.join("|", Recipient.labels()), false, "the message, on the lines below",
            "Drafts a message to that person.", true, Repeat.ONCE_PER_VALUE),
    RESOLVE("RESOLVE", "<resolution>", false, "an optional explanation for both notices, on the lines below",
            "Sets the resolution and drafts its notices to the reporter and, if recorded, the reported"
                    + " person (with the appeals contact).", true, Repeat.ONCE),
    DSF_REPORT("DSF-REPORT", "", false, "optional \"what happened\" text, on the lines below",
            "Drafts the report to the DSF conduct committee, one per incident.", true, Repeat.ONCE),
    APPROVE("APPROVE", "D<n>", true, "",
            "Approves a draft: the one named, or else the one whose approval request you answer.",
            false, Repeat.ONCE_PER_VALUE),
    REJECT("REJECT", "reason", false, "",
            "Rejects the pending draft; its author is told the reason.", false, Repeat.ONCE),
    SEND_NOW("SEND-NOW", "reason", false, "",
            "Safety override: sends the pending draft without a second member;"
                    + " every responder and organizer is told.", false, Repeat.ONCE),
    CLOSE("CLOSE", "", false, "",
            "Closes the case: once it is resolved, or at once if it needs no response"
                    + " (a newsletter, say).", false, Repeat.ONCE),
    REOPEN("REOPEN", "reason", false, "",
            "Reopens the case.", false, Repeat.ONCE),
    STATUS("STATUS", "", false, "",
            "Mails you the case record.", false, Repeat.ONCE),
    HELP("HELP", "", false, "",
            "Mails you this command reference.", false, Repeat.ONCE);

    /** How often a command may appear in one reply before the reply contradicts itself. */
    enum Repeat {
        /** As often as wanted: notes, conflicts. */
        MANY,
        /** Once: a second SEVERITY or RESOLVE would leave the outcome to line order. */
        ONCE,
        /** Once per value: one REPLY to each person, one APPROVE of each draft. */
        ONCE_PER_VALUE
    }

    private final String keyword;
    private final String argumentSyntax;
    private final boolean valueOptional;
    private final String bodySyntax;
    private final String summary;
    private final boolean needsApproval;
    private final Repeat repeat;

    CommandSpec(String keyword, String argumentSyntax, boolean valueOptional, String bodySyntax,
            String summary, boolean needsApproval, Repeat repeat) {
        this.keyword = keyword;
        this.argumentSyntax = argumentSyntax;
        this.valueOptional = valueOptional;
        this.bodySyntax = bodySyntax;
        this.summary = summary;
        this.needsApproval = needsApproval;
        this.repeat = repeat;
    }

    /** The keyword as the help writes it; replies may use any case. */
    public String keyword() {
        return keyword;
    }

    /** What follows {@code KEYWORD: }, or {@code ""} for a command written bare. */
    public String argumentSyntax() {
        return argumentSyntax;
    }

    /** What the lines below the command hold, or {@code ""} when they are not the command's. */
    public String bodySyntax() {
        return bodySyntax;
    }

    public String summary() {
        return summary;
    }

    /** Whether the command drafts mail that is sent only after another member's APPROVE. */
    public boolean needsApproval() {
        return needsApproval;
    }

    /** Whether the lines below the command, up to the next command, belong to it. */
    public boolean takesBody() {
        return !bodySyntax.isEmpty();
    }

    /** Whether the keyword may stand alone on its line: it takes no value, or an optional one. */
    boolean mayStandAlone() {
        return argumentSyntax.isEmpty() || valueOptional;
    }

    /**
     * Whether text after the keyword is refused: CLOSE, STATUS and HELP. A command that takes the
     * lines below it (DSF-REPORT) reads such text as the first of those lines instead.
     */
    boolean refusesValue() {
        return argumentSyntax.isEmpty() && !takesBody();
    }

    /** How the command is written, e.g. {@code APPROVE  or  APPROVE: D<n>}. */
    public String usage() {
        if (argumentSyntax.isEmpty()) {
            return keyword;
        }
        String withValue = keyword + ": " + argumentSyntax;
        return valueOptional ? keyword + "  or  " + withValue : withValue;
    }

    Repeat repeat() {
        return repeat;
    }

    /** The table entry of a parsed command, to name it back to the sender. */
    public static CommandSpec of(Command command) {
        if (command instanceof Command.Note) {
            return NOTE;
        } else if (command instanceof Command.SetSeverity) {
            return SEVERITY;
        } else if (command instanceof Command.Assign) {
            return ASSIGN;
        } else if (command instanceof Command.Conflict) {
            return CONFLICT;
        } else if (command instanceof Command.ConflictClear) {
            return CONFLICT_CLEAR;
        } else if (command instanceof Command.SetReporter) {
            return REPORTER;
        } else if (command instanceof Command.SetReported) {
            return REPORTED;
        } else if (command instanceof Command.SetWhen) {
            return WHEN;
        } else if (command instanceof Command.SetWhere) {
            return WHERE;
        } else if (command instanceof Command.SetSummary) {
            return SUMMARY;
        } else if (command instanceof Command.SetPublicSummary) {
            return PUBLIC_SUMMARY;
        } else if (command instanceof Command.Reply) {
            return REPLY;
        } else if (command instanceof Command.Resolve) {
            return RESOLVE;
        } else if (command instanceof Command.DsfReport) {
            return DSF_REPORT;
        } else if (command instanceof Command.Approve) {
            return APPROVE;
        } else if (command instanceof Command.Reject) {
            return REJECT;
        } else if (command instanceof Command.SendNow) {
            return SEND_NOW;
        } else if (command instanceof Command.Close) {
            return CLOSE;
        } else if (command instanceof Command.Reopen) {
            return REOPEN;
        } else if (command instanceof Command.Status) {
            return STATUS;
        }
        return HELP;
    }

    /** The commands of the two-person rule: drafts and what approves, rejects or overrides them. */
    public boolean belongsToTwoPersonRule() {
        return this == REPLY || this == RESOLVE || this == DSF_REPORT || this == APPROVE || this == REJECT
                || this == SEND_NOW;
    }
}
