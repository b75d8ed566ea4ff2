package org.conductd.store;

/** Where a case stands. */
public enum CaseState { OPEN, RESOLVED, CLOSED }
