package org.conductd.commands;

import java.util.Objects;
import org.conductd.mail.Severity;

/**
 * One command of a responder's reply (SPEC §3.4), its value already checked and normalised:
 * member values are roster addresses, resolutions and severities are known ones. Optional text
 * that was left out is {@code ""}, never {@code null}; only an address or a draft id may be
 * absent ({@code null}).
 */
public sealed interface Command {

    /** {@code NOTE: text} — an internal note on the case record. */
    record Note(String text) implements Command {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code SEVERITY: low|medium|high|urgent}. */
    record SetSeverity(Severity severity) implements Command {
        public SetSeverity {
            Objects.requireNonNull(severity, "severity");
        }
    }

    /** {@code ASSIGN: member} — the member's roster address becomes the case lead. */
    record Assign(String memberAddress) implements Command {
        public Assign {
            Objects.requireNonNull(memberAddress, "memberAddress");
        }
    }

    /** {@code CONFLICT: member} — the member, by roster address, is left out of the case. */
    record Conflict(String memberAddress) implements Command {
        public Conflict {
            Objects.requireNonNull(memberAddress, "memberAddress");
        }
    }

    /** {@code CONFLICT-CLEAR: member} — brings the member, by roster address, back in. */
    record ConflictClear(String memberAddress) implements Command {
        public ConflictClear {
            Objects.requireNonNull(memberAddress, "memberAddress");
        }
    }

    /**
     * {@code REPORTER: Name <address>}. Either part may be missing ({@code null}), never both:
     * a name alone is what a responder knows of someone met in person.
     */
    record SetReporter(String name, String address) implements Command {
        public SetReporter {
            if (name == null && address == null) {
                throw new IllegalArgumentException("a reporter needs a name or an address");
            }
        }
    }

    /** {@code REPORTED: Name <address>}, as {@link SetReporter}. */
    record SetReported(String name, String address) implements Command {
        public SetReported {
            if (name == null && address == null) {
                throw new IllegalArgumentException("a reported person needs a name or an address");
            }
        }
    }

    /** {@code WHEN: text}. */
    record SetWhen(String text) implements Command {
        public SetWhen {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code WHERE: text}. */
    record SetWhere(String text) implements Command {
        public SetWhere {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code SUMMARY: one line} — for the incident log and the DSF report. */
    record SetSummary(String text) implements Command {
        public SetSummary {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code PUBLIC-SUMMARY: one line} — for the anonymised transparency report. */
    record SetPublicSummary(String text) implements Command {
        public SetPublicSummary {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code REPLY: reporter|reported} and the message below it; drafts mail that needs approval. */
    record Reply(Recipient to, String body) implements Command {
        public Reply {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * {@code RESOLVE: resolution} and an optional explanation below it; {@code resolution} is one
     * of the configured ones, in lower case.
     */
    record Resolve(String resolution, String explanation) implements Command {
        public Resolve {
            Objects.requireNonNull(resolution, "resolution");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /** {@code DSF-REPORT} and an optional "what happened" narrative below it. */
    record DsfReport(String narrative) implements Command {
        public DsfReport {
            Objects.requireNonNull(narrative, "narrative");
        }
    }

    /**
     * {@code APPROVE: D3} names the draft ({@code "D3"}); a bare {@code APPROVE} ({@code null})
     * means the draft whose approval request the reply answers.
     */
    record Approve(String draftId) implements Command {
    }

    /** {@code REJECT: reason}. */
    record Reject(String reason) implements Command {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** {@code SEND-NOW: reason} — the safety override of the two-person rule. */
    record SendNow(String reason) implements Command {
        public SendNow {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** {@code CLOSE}. */
    record Close() implements Command {
    }

    /** {@code REOPEN: reason}. */
    record Reopen(String reason) implements Command {
        public Reopen {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** {@code STATUS} — mail the sender the case record. */
    record Status() implements Command {
    }

    /** {@code HELP} — mail the sender the command reference. */
    record Help() implements Command {
    }
}
