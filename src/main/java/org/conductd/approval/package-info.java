/**
 * The two-person rule, drafts and approvals together: {@link org.conductd.approval.Drafting}
 * writes the mail a case's people would receive as a draft, and {@link
 * org.conductd.approval.Drafts} keeps drafts, their messages and approvals, decides who may
 * approve and when a draft is decided. Nothing reaches a reporter, a reported person or the
 * DSF except through an approved draft. It uses {@code compose} to render and {@code cases}
 * for who is conflicted; it applies no command.
 */
package org.conductd.approval;
