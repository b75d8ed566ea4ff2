/**
 * What happens to a case: opening it from a report, threading follow-ups, reading and applying a
 * responder's commands, refusing mail that may not act, drafting notices for approval, bounces,
 * reminders, patterns across cases and the text the team sees. It composes mail through
 * {@link org.conductd.cases.CaseMail} and queues it in the outbox; it never speaks SMTP.
 */
package org.conductd.cases;
