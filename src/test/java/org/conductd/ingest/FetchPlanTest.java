package org.conductd.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchPlanTest {

    @Test
    void smallMessagesGoInOneBatch() {
        assertEquals(List.of(new FetchPlan.Batch(List.of(1L, 2L, 3L), false)),
                FetchPlan.of(List.of(1L, 2L, 3L), Map.of(1L, 10L, 2L, 10L, 3L, 10L), 100, 1000));
    }

    @Test
    void batchIsClosedWhenItsByteBudgetIsReached() {
        assertEquals(List.of(new FetchPlan.Batch(List.of(1L, 2L), false), new FetchPlan.Batch(List.of(3L), false)),
                FetchPlan.of(List.of(1L, 2L, 3L), Map.of(1L, 40L, 2L, 40L, 3L, 40L), 100, 100));
    }

    @Test
    void oversizedMessageStandsAloneInUidOrder() {
        assertEquals(List.of(
                        new FetchPlan.Batch(List.of(1L), false),
                        new FetchPlan.Batch(List.of(2L), true),
                        new FetchPlan.Batch(List.of(3L), false)),
                FetchPlan.of(List.of(1L, 2L, 3L), Map.of(1L, 10L, 2L, 500L, 3L, 10L), 100, 1000));
    }

    @Test
    void nothingToFetchGivesNoBatches() {
        assertEquals(List.of(), FetchPlan.of(List.of(), Map.of(), 100, 1000));
    }
}
