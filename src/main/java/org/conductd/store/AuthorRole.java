package org.conductd.store;

/** Who wrote a message, relative to its case. */
public enum AuthorRole { REPORTER, REPORTED, WITNESS, RESPONDER }
