/**
 * Composing and sending: templates, each named with its kind of mail and its model record in
 * {@link org.conductd.outbound.TemplateId} and given one record of {@link
 * org.conductd.outbound.TemplateModel}, rendered to text and HTML (each checked at start-up);
 * MIME, the outbox and its sender ({@link org.conductd.outbound.OutboxSender}), the only path
 * conductd's mail leaves by; the scrubbing that keeps an anonymous reporter's identity out of
 * the team's mail; and the quarantine notices.
 */
package org.conductd.outbound;
