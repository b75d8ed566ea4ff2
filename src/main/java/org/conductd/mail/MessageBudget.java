package org.conductd.mail;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The time one inbound message may take in the steps that read people's text (parsing,
 * trimming, classifying). The intake opens a budget per message on its own thread; each
 * such step then runs through {@link #within} on a worker thread while the intake waits at
 * most for what is left, so no message, however it was built, can hold the intake (and its
 * write transaction) for longer than the budget. Outside a budget (one-shot commands, tests
 * of the parts) {@link #within} simply runs the step.
 *
 * <p>A step over the budget is abandoned, not stopped: Java cannot stop a thread safely. The
 * parts are linear-time, so this is a second line of defence, not the first.
 */
public final class MessageBudget {

    private record Deadline(long nanos, Duration budget) {
    }

    private static final ThreadLocal<Deadline> DEADLINE = new ThreadLocal<>();
    private static final AtomicInteger WORKERS = new AtomicInteger();
    /** A new thread when every other one is busy, so a step still running past its budget blocks no later one. */
    private static final ExecutorService STEPS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "message-step-" + WORKERS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private MessageBudget() {
    }

    /** A message took longer than its budget; it is kept and quarantined, and the intake goes on. */
    public static final class Exceeded extends RuntimeException {
        private final Duration budget;

        Exceeded(Duration budget) {
            super("handling the message took longer than " + budget.toMillis() + " ms", null, false, false);
            this.budget = budget;
        }

        public Duration budget() {
            return budget;
        }
    }

    /** Runs {@code work} for one message, with {@code budget} for its text steps on this thread. */
    public static <T> T run(Duration budget, Supplier<T> work) {
        Deadline outer = DEADLINE.get();
        DEADLINE.set(new Deadline(System.nanoTime() + budget.toNanos(), budget));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    /**
     * Runs a step that reads people's text within what is left of this thread's budget.
     *
     * @throws Exceeded when the budget runs out first
     */
    public static <T> T within(Supplier<T> step) {
        Deadline deadline = DEADLINE.get();
        if (deadline == null) {
            return step.get();
        }
        long left = deadline.nanos() - System.nanoTime();
        if (left <= 0) {
            throw new Exceeded(deadline.budget());
        }
        Future<T> result = STEPS.submit(step::get);
        try {
            return result.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new Exceeded(deadline.budget());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a message step ran", e);
        }
    }
}
