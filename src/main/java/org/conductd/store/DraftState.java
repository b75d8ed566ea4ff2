package org.conductd.store;

/** A draft waits for approval, then is sent or rejected, or is replaced by a newer draft of the same kind. */
public enum DraftState { PENDING, SENT, REJECTED, SUPERSEDED }
