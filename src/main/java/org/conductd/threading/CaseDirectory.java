package org.conductd.threading;

import java.util.Optional;
import org.conductd.mail.EmailAddress;

/** What threading needs to know about existing cases. */
public interface CaseDirectory {

    /** The case of a Message-ID conductd issued or stored, if any. */
    Optional<Long> caseOfMessageId(String messageId);

    /** True if the address is the reporter, reported person or a witness of the case, or a responder. */
    boolean isParticipant(long caseId, EmailAddress address);
}
