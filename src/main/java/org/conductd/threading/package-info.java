/**
 * Which case a message belongs to: its In-Reply-To and References, a subject tag only from
 * someone already in the case, or a new case. Pure rules over a {@link
 * org.conductd.threading.CaseDirectory}.
 */
package org.conductd.threading;
