package org.conductd.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** How far ingest has read a folder: its UIDVALIDITY and the highest UID handled. */
@MappedEntity("mailbox_state")
public record MailboxState(@Id String folder, long uidValidity, long lastUid) {
}
