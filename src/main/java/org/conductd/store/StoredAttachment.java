package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("attachments")
public record StoredAttachment(
        @Id @GeneratedValue @Nullable Long id,
        long messageRow,
        String storedName,
        @Nullable String fileName,
        String contentType,
        long size,
        byte[] content) {
}
