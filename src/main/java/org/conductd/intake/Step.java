package org.conductd.intake;

/**
 * One named step of the intake. It looks at the message (and what earlier steps learnt of
 * it) and either lets the next step go on or handles it for good: see {@link Intake} for the
 * order. A step runs inside the batch's transaction; it may write, and it may throw, which
 * quarantines the message once the batch is retried one message at a time.
 *
 * @param <M> what the step is handed: a {@link Delivery}, or a {@link ResponderReply}
 */
interface Step<M> {

    Outcome handle(M mail);
}
