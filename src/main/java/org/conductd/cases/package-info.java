/**
 * What is known about a case beneath everything that acts on it: who on the team it reaches
 * and who is conflicted in it ({@link org.conductd.cases.CaseTeam}), the roster members a text
 * names, code names, anonymous reports, patterns across cases and the hourly shares of
 * automatic answers. It reads and writes the store only; it composes no mail and applies no
 * command, so every package above it can ask it without a cycle.
 */
package org.conductd.cases;
