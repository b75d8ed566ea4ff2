/**
 * Acting on a case: opening one from a report ({@link org.conductd.casework.CaseIntake}), the
 * command table ({@link org.conductd.casework.CaseCommands} checks a member's commands against
 * a working copy of the case, then {@link org.conductd.casework.CommandHandlers} runs one small
 * handler per command), answering a member's mail ({@link org.conductd.casework.MemberAnswers})
 * and filing delivery failures. It changes case state through the store and asks {@code
 * approval} for drafts and {@code compose} for mail; everything it causes is queued in the
 * caller's transaction.
 */
package org.conductd.casework;
