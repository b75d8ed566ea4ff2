/**
 * The reply language, pure: which lines of a reply are its author's new text (reply trimming, in
 * every client and language, its words as data in {@code reply-markers.txt} and
 * {@code sign-offs.txt}), which of them are commands, and what each command says. No I/O and no
 * state; linear in the size of the reply.
 */
package org.conductd.commands;
