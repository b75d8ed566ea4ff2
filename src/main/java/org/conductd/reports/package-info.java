/**
 * What organizers and the DSF read: the weekly digest and its schedule, the incident log export
 * and the transparency report, each with only what its reader's role needs.
 */
package org.conductd.reports;
