/**
 * The two-person rule's records: drafts, their messages and approvals, what may be approved by
 * whom and when a draft is decided. Drafting the mail itself is done in {@code cases}.
 */
package org.conductd.approval;
