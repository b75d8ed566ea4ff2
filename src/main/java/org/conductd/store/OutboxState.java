package org.conductd.store;

public enum OutboxState { PENDING, SENT, FAILED }
