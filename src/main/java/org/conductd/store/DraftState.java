package org.conductd.store;

/**
 * A draft waits for approval, then is sent or rejected, is replaced by a newer draft of the
 * same kind, or is withdrawn when its case is closed.
 */
public enum DraftState { PENDING, SENT, REJECTED, SUPERSEDED, WITHDRAWN }
