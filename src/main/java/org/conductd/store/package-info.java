/**
 * The database: one record per table and its Micronaut Data repository, the secure erase of
 * purged bytes, and the crash tests' hook at its commit boundaries ({@link
 * org.conductd.store.PausePoint}). Every repository declares {@code Dialect.MYSQL} although
 * the database is SQLite: Micronaut Data has no SQLite dialect, and MySQL's is the one whose SQL SQLite runs for every operation
 * conductd uses (generated ids after a batch {@code saveAll}, {@code LIMIT}/{@code OFFSET},
 * enums, derived queries), where H2's and ANSI's lose generated keys after a batch and
 * PostgreSQL's breaks {@code save}. The datasource's {@code dialect} property does not override
 * the annotation, so it is written on each repository.
 */
package org.conductd.store;
