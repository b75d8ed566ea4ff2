package org.conductd.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits UIDs to fetch into batches, in UID order: runs of messages within the size limit,
 * up to a byte budget per batch, and each oversized message alone (it is streamed to a file,
 * not fetched whole). Keeping UID order matters where the server keeps no keywords: then the
 * last UID committed is all that records what has been handled.
 */
final class FetchPlan {

    /** UIDs to handle together; an oversized batch holds exactly one. */
    record Batch(List<Long> uids, boolean oversized) {
    }

    private FetchPlan() {
    }

    static List<Batch> of(List<Long> sortedUids, Map<Long, Long> sizes, long maxMessageSize, long batchBytes) {
        List<Batch> batches = new ArrayList<>();
        List<Long> group = new ArrayList<>();
        long groupBytes = 0;
        for (long uid : sortedUids) {
            long size = sizes.getOrDefault(uid, 0L);
            boolean oversized = size > maxMessageSize;
            if (!group.isEmpty() && (oversized || groupBytes + size > batchBytes)) {
                batches.add(new Batch(group, false));
                group = new ArrayList<>();
                groupBytes = 0;
            }
            if (oversized) {
                batches.add(new Batch(List.of(uid), true));
            } else {
                group.add(uid);
                groupBytes += size;
            }
        }
        if (!group.isEmpty()) {
            batches.add(new Batch(group, false));
        }
        return batches;
    }
}
