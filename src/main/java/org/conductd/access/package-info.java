/**
 * Who may act on a case by mail: {@link org.conductd.access.CommandAuthentication} checks a
 * team member's mail (token, DKIM/DMARC results from trusted servers, age), and {@link
 * org.conductd.access.Refusal} is the one table of every refusal with what the member is told
 * and how. Decisions over the message, the configuration and the outbox's record of which
 * tokens conductd issued when; it changes nothing and sends nothing.
 */
package org.conductd.access;
