/**
 * Purging closed cases after the retention period: what is deleted, what is kept as a count,
 * and the report of it.
 */
package org.conductd.retention;
