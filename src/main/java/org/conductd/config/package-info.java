/**
 * The configuration: reading and checking every {@code conductd.*} key into {@link
 * org.conductd.config.Settings}, with one error naming the key for anything wrong, a
 * misspelled key included.
 */
package org.conductd.config;
