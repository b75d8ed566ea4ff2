package org.conductd.store;

/**
 * A test hook for the crash tests at the store's commit boundaries (before a batch commits,
 * after it commits, between an accepted send and its record), off unless the system property
 * {@code conductd.pause-at} names a point: a thread that reaches that point prints
 * {@code PAUSED at <point>} on stdout and then blocks for good, so that a test can
 * {@code kill -9} the process exactly there. Unset, which is how conductd is
 * always run outside those tests, a call costs one check of a static final field.
 */
public final class PausePoint {

    /** Bodies fetched from the server, not yet stored: the batch transaction has not committed. */
    public static final String AFTER_FETCH = "after-fetch";
    /** The batch committed, its messages not yet flagged {@code $ConductdProcessed} on the server. */
    public static final String AFTER_COMMIT = "after-commit";
    /** The SMTP server accepted a message (250 to DATA), its outbox row not yet marked sent. */
    public static final String AFTER_SMTP_ACCEPT = "after-smtp-accept";

    private static final String PAUSE_AT = System.getProperty("conductd.pause-at");

    private PausePoint() {
    }

    /** Blocks the calling thread for good if the process was started to pause at this point; otherwise returns at once. */
    public static void reach(String point) {
        if (PAUSE_AT != null && PAUSE_AT.equals(point)) {
            pause(point);
        }
    }

    private static void pause(String point) {
        synchronized (PausePoint.class) {
            System.out.println("PAUSED at " + point);
            System.out.flush();
        }
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // A paused thread stays paused until the process is killed: going on would pass the point.
            }
        }
    }
}
