package org.conductd.store;

import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/**
 * What a line of a case's record says happened. It is stored, and shown to the team in STATUS
 * and {@code case N}, as its {@link #value()}: the words a record written by any earlier
 * version holds too.
 */
@TypeDef(type = DataType.STRING, converter = EventKindConverter.class)
public enum EventKind {
    /** The reporter's acknowledgement was queued. */
    ACKNOWLEDGED("acknowledged"),
    /** A team member's reply was answered. */
    ANSWERED("answered"),
    /** The reported person appealed. */
    APPEAL("appeal"),
    /** A member approved a draft. */
    APPROVED("approved"),
    /** A lead was named, or the lead left. */
    ASSIGNED("assigned"),
    /** Automatic mail (an auto-reply, a list's mail) came into the case. */
    AUTOMATIC_MAIL("automatic-mail"),
    /** A delivery report came back for mail the case sent. */
    BOUNCE_RECEIVED("bounce-received"),
    /** Mail the case sent could not be delivered. */
    BOUNCED("bounced"),
    /** The case was closed. */
    CLOSED("closed"),
    /** A reply's commands were refused as a whole. */
    COMMANDS_REJECTED("commands-rejected"),
    /** A member was recorded as conflicted. */
    CONFLICT("conflict"),
    /** A member's conflict was cleared. */
    CONFLICT_CLEARED("conflict-cleared"),
    /** A delivery report said mail is delayed. */
    DELIVERY_DELAYED("delivery-delayed"),
    /** The outbox gave up on a message. */
    DELIVERY_FAILED("delivery-failed"),
    /** A failed delivery was not alerted, to keep a reply loop from forming. */
    DELIVERY_FAILURE_NOT_ALERTED("delivery-failure-not-alerted"),
    /** A delivery report said mail was delivered. */
    DELIVERY_REPORTED("delivery-reported"),
    /** A member's discussion was relayed to the team. */
    DISCUSSION("discussion"),
    /** A member drafted mail that needs approval. */
    DRAFTED("drafted"),
    /** Commands were dropped because their author declared a conflict. */
    DROPPED("dropped"),
    /** Queued mail was withdrawn before it was sent. */
    MAIL_WITHDRAWN("mail-withdrawn"),
    /** A member was left out of the case's mail. */
    MEMBER_LEFT_OUT("member-left-out"),
    /** A message was filed in the case. */
    MESSAGE("message"),
    /** Nobody on the team could be notified. */
    NOBODY_NOTIFIED("nobody-notified"),
    /** The acknowledgement was withheld. */
    NOT_ACKNOWLEDGED("not-acknowledged"),
    /** A reply was not answered, past the answer limit. */
    NOT_ANSWERED("not-answered"),
    /** A member's note. */
    NOTE("note"),
    /** The team's notification was held. */
    NOTIFICATION_HELD("notification-held"),
    /** The case was opened. */
    OPENED("opened"),
    /** Someone new joined the case's thread. */
    PARTICIPANT_ADDED("participant-added"),
    /** Earlier cases name the same person. */
    PATTERN("pattern"),
    /** The summary for the transparency report. */
    PUBLIC_SUMMARY("public-summary"),
    /** The case's content was purged. */
    PURGED("purged"),
    /** A member's mail was refused. */
    REFUSED("refused"),
    /** A member rejected a draft. */
    REJECTED("rejected"),
    /** A message was relayed to the team. */
    RELAYED("relayed"),
    /** The case was reopened. */
    REOPENED("reopened"),
    /** The reported person was named. */
    REPORTED("reported"),
    /** The reporter was named. */
    REPORTER("reporter"),
    /** A member sent a draft without a second approval. */
    SEND_NOW("send-now"),
    /** Approved mail was sent. */
    SENT("sent"),
    /** The severity was set. */
    SEVERITY("severity"),
    /** The team's summary. */
    SUMMARY("summary"),
    /** The team was notified of the case. */
    TEAM_NOTIFIED("team-notified"),
    /** Every other member is conflicted, so only one member sees the case. */
    TEAM_SILENCED("team-silenced"),
    /** When it happened. */
    WHEN("when"),
    /** Where it happened. */
    WHERE("where"),
    /** Drafts were withdrawn. */
    WITHDRAWN("withdrawn");

    private final String value;

    EventKind(String value) {
        this.value = value;
    }

    /** The word stored and shown for this kind. */
    public String value() {
        return value;
    }

    /** The kind stored as {@code value}; an unknown word is a corrupt record, not a kind to guess. */
    public static EventKind of(String value) {
        for (EventKind k : values()) {
            if (k.value.equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no event kind is stored as '" + value + "'");
    }
}
