package org.conductd.ingest;

import java.util.List;

/** Writes sorted UIDs as an IMAP sequence set with ranges ({@code 1:4,7,9:10}). */
final class UidSet {

    private UidSet() {
    }

    static String of(List<Long> sortedUids) {
        StringBuilder set = new StringBuilder();
        int i = 0;
        while (i < sortedUids.size()) {
            long start = sortedUids.get(i);
            long end = start;
            while (i + 1 < sortedUids.size() && sortedUids.get(i + 1) == end + 1) {
                end = sortedUids.get(++i);
            }
            if (set.length() > 0) {
                set.append(',');
            }
            set.append(start);
            if (end != start) {
                set.append(':').append(end);
            }
            i++;
        }
        return set.toString();
    }
}
