package org.conductd.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where fetched mail goes. Implementations store and handle a whole batch in one
 * transaction and return only after it is committed; the sync flags the messages on the
 * server after that, never before.
 */
public interface IngestSink {

    /** Stores and handles the batch, commits, and says how to mark each UID. */
    Map<Long, ServerMark> accept(List<FetchedMessage> batch, long lastUid);

    /** Of these UIDs, the ones already stored (a crash hit between commit and flag), with their marks. */
    Map<Long, ServerMark> alreadyStored(String folder, long uidValidity, Collection<Long> uids);

    /** The UIDVALIDITY last seen for the folder, if any. */
    OptionalLong uidValidity(String folder);

    long lastUid(String folder);

    /**
     * Records a UIDVALIDITY seen for the first time (the first sync, or the mailbox was
     * rebuilt): reading starts again from UID 1.
     *
     * @param firstSyncUid at the first sync of the folder, the highest UID already in it;
     *                     0 when re-reading a folder read before
     */
    void resetMailbox(String folder, long uidValidity, long firstSyncUid);
}
