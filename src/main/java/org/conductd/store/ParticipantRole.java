package org.conductd.store;

/** Why a non-member is part of a case. */
public enum ParticipantRole { REPORTER, REPORTED, WITNESS }
