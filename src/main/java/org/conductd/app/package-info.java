/**
 * The program: the picocli commands (run, demo, cases, case, digest, export-log,
 * transparency-report, purge), the Micronaut context they start, the daemon with its poll loop
 * and scheduled jobs, /health and /metrics, and the demo's embedded mail server. It wires the
 * other packages together and holds no rule of its own; nothing else imports it.
 */
package org.conductd.app;
