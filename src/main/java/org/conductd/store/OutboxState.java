package org.conductd.store;

/**
 * Where an outbound message stands. WITHDRAWN: never sent, because by the time it would
 * have gone its recipient had a conflict of interest in its case.
 */
public enum OutboxState { PENDING, SENT, FAILED, WITHDRAWN }
