package org.conductd.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MessageBudgetTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    @Test
    void outsideABudgetAStepRunsOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        assertSame(caller, MessageBudget.within(Thread::currentThread));
    }

    @Test
    void aStepWithinTheBudgetGivesItsResult() {
        assertEquals(42, MessageBudget.run(SHORT, () -> MessageBudget.within(() -> 42)));
    }

    @Test
    void aStepThatNeverEndsIsAbandonedWhenTheBudgetRunsOut() {
        CountDownLatch never = new CountDownLatch(1);
        MessageBudget.Exceeded e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                MessageBudget.Exceeded.class, () -> MessageBudget.run(SHORT, () -> MessageBudget.within(() -> {
                    while (never.getCount() > 0) {
                        Thread.onSpinWait();
                    }
                    return null;
                }))));
        never.countDown();
        assertEquals(SHORT, e.budget());
    }

    @Test
    void theBudgetCoversEveryStepOfOneMessageTogether() {
        assertThrows(MessageBudget.Exceeded.class, () -> MessageBudget.run(SHORT, () -> {
            for (int i = 0; i < 3; i++) {
                MessageBudget.within(() -> sleep(120));
            }
            return null;
        }));
    }

    @Test
    void eachMessageGetsAFreshBudget() {
        for (int i = 0; i < 3; i++) {
            assertEquals(1, MessageBudget.run(SHORT, () -> MessageBudget.within(() -> sleep(120))));
        }
    }

    @Test
    void aStepsOwnFailureReachesTheCaller() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad");
        assertSame(thrown, assertThrows(IllegalArgumentException.class,
                () -> MessageBudget.run(SHORT, () -> MessageBudget.within(() -> {
                    throw thrown;
                }))));
    }

    @Test
    void afterTheMessageStepsRunOnTheCallersThreadAgain() {
        MessageBudget.run(SHORT, () -> 0);
        assertSame(Thread.currentThread(), MessageBudget.within(Thread::currentThread));
    }

    private static int sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 1;
    }
}
