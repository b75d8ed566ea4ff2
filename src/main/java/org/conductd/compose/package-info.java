/**
 * Mail composition for a case: {@link org.conductd.compose.CaseMail} renders a template for a
 * person or a member, scrubs an anonymous reporter from it and queues it in the outbox, and the
 * classes beside it decide what such mail says (relays, case text and status, appeal notices,
 * reminders, flood summaries). It asks {@code cases} who may receive what; it never changes a
 * case's state, applies a command or speaks SMTP.
 */
package org.conductd.compose;
