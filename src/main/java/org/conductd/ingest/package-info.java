/**
 * Reading the mailbox: IMAP by UID in batches, IDLE, storing raw bytes first, parsing MIME into an
 * {@link org.conductd.mail.InboundMessage} within bounded sizes, telling automatic mail and
 * delivery reports apart, and marking handled mail on the server only after it is committed.
 */
package org.conductd.ingest;
