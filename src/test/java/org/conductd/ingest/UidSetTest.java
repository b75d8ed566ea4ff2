package org.conductd.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UidSetTest {

    @Test
    void consecutiveUidsBecomeRanges() {
        assertEquals("1:4,7,9:10", UidSet.of(List.of(1L, 2L, 3L, 4L, 7L, 9L, 10L)));
    }

    @Test
    void singleUidStaysAlone() {
        assertEquals("42", UidSet.of(List.of(42L)));
    }
}
