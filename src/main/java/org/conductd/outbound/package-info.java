/**
 * Composing and sending: templates rendered to text and HTML (each checked at start-up), MIME, the outbox and its sender
 * ({@link org.conductd.outbound.OutboxSender}), the only path conductd's mail leaves by, the
 * scrubbing that keeps an anonymous reporter's identity out of the team's mail, and the
 * quarantine notices.
 */
package org.conductd.outbound;
