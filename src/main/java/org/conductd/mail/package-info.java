/**
 * The values the other packages share about mail: addresses, message ids and their tokens,
 * inbound and outbound messages, the kinds of mail conductd sends, a case's severity, the per-message
 * time budget, the backoff for mail servers, and the keys derived from the token secret. JDK only.
 */
package org.conductd.mail;
