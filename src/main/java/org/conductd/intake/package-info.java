/**
 * The intake: the ordered steps every fetched message takes, from its raw bytes to a filed,
 * answered and relayed message in a case. {@link org.conductd.intake.Intake} lists the steps
 * top to bottom; each is a small class that lets the next go on or handles the message for
 * good, and {@link org.conductd.intake.BatchIntake} runs a batch in one transaction. Steps
 * decide order and routing only: they call {@code casework}, {@code access} and {@code compose}
 * for what a case does (open it, apply commands, relay, answer) and never send mail
 * themselves, so everything a message causes is queued in the outbox with it.
 */
package org.conductd.intake;
