package org.conductd.intake;

import org.conductd.casework.CaseCommands;
import org.conductd.commands.ParseResult;
import org.conductd.config.TeamMember;
import org.conductd.mail.InboundMessage;
import org.conductd.store.CaseRecord;

/**
 * A team member's mail to a case on its way through the responder steps of the
 * {@link Intake}, with what they learnt of it so far. Made for one message and dropped after it.
 */
final class ResponderReply {

    private final CaseRecord caseRecord;
    private final TeamMember sender;
    private final long row;
    private final InboundMessage message;
    private String newText;
    private ParseResult parsed;
    private CaseCommands.Applied applied;

    ResponderReply(CaseRecord caseRecord, TeamMember sender, long row, InboundMessage message) {
        this.caseRecord = caseRecord;
        this.sender = sender;
        this.row = row;
        this.message = message;
    }

    CaseRecord caseRecord() {
        return caseRecord;
    }

    TeamMember sender() {
        return sender;
    }

    long row() {
        return row;
    }

    InboundMessage message() {
        return message;
    }

    /** The author's new text, without what it quotes; set by {@link ReadCommands}. */
    String newText() {
        return newText;
    }

    /** The commands and discussion read from the new text, or its problems; set by {@link ReadCommands}. */
    ParseResult parsed() {
        return parsed;
    }

    void read(String newText, ParseResult parsed) {
        this.newText = newText;
        this.parsed = parsed;
    }

    /** Read without a problem; only after {@link ReportCommandProblems}. */
    ParseResult.Parsed commands() {
        return (ParseResult.Parsed) parsed;
    }

    /** What applying the commands did; set by {@link ApplyCommands}. */
    CaseCommands.Applied applied() {
        return applied;
    }

    void applied(CaseCommands.Applied applied) {
        this.applied = applied;
    }
}
