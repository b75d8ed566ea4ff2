package org.conductd.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * How far ingest has read a folder: its UIDVALIDITY, the highest UID handled, and the
 * highest UID that was already in the folder when conductd first read it (0 if none).
 */
@MappedEntity("mailbox_state")
public record MailboxState(@Id String folder, long uidValidity, long lastUid, long firstSyncUid) {

    /** Whether the message with this UID was in the folder before conductd's first sync of it. */
    public boolean presentBeforeFirstSync(long uid) {
        return uid <= firstSyncUid;
    }
}
