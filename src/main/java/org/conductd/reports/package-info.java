/**
 * What organizers, the DSF and the operator read: the weekly digest and its schedule, the incident
 * log export, the transparency report and the {@code cases} / {@code case N} listings, each with
 * only what its reader's role needs.
 */
package org.conductd.reports;
