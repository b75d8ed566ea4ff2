/**
 * The configuration: one {@code @ConfigurationProperties} record per concern, bound by
 * Micronaut and checked by jakarta.validation constraints in a context that holds nothing else,
 * then built into {@link org.conductd.config.Settings}, with one error naming the key for
 * anything wrong, a misspelled key included. Its classes may use Micronaut (injection,
 * conversion, validation, the cron parser), the values of {@code mail} and the address parser
 * of {@code text}, and nothing that does I/O beyond asking whether a folder exists.
 */
package org.conductd.config;
