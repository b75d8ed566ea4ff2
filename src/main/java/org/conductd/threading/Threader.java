package org.conductd.threading;

import org.conductd.mail.InboundMessage;

/**
 * Decides which case a message belongs to; the first rule that matches wins (SPEC §3.2).
 * A subject tag counts only when the sender already takes part in that case, so a stranger
 * who copies "[CoC #42]" into a subject cannot read or write someone else's case.
 */
public final class Threader {

    private final CaseDirectory cases;
    private final SubjectTag subjectTag;

    public Threader(CaseDirectory cases, SubjectTag subjectTag) {
        this.cases = cases;
        this.subjectTag = subjectTag;
    }

    public ThreadMatch match(InboundMessage message) {
        for (String id : message.referencedIds()) {
            var found = cases.caseOfMessageId(id);
            if (found.isPresent()) {
                return new ThreadMatch.ByReference(found.get(), id);
            }
        }
        if (message.from() != null) {
            for (long caseId : subjectTag.caseNumbers(message.subject())) {
                if (cases.isParticipant(caseId, message.from())) {
                    return new ThreadMatch.BySubjectTag(caseId);
                }
            }
        }
        return new ThreadMatch.NewCase();
    }
}
