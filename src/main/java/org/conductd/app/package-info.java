/**
 * The program: the picocli commands (run, demo, cases, case, digest, export-log,
 * transparency-report, purge), the Micronaut context they start, the daemon with its poll loop
 * and scheduled jobs, /health and /metrics, and the pipeline that hands each fetched message to
 * intake or to a case. Nothing else imports this package.
 */
package org.conductd.app;
