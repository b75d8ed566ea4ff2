package org.conductd.store;

/** What a draft would send. */
public enum DraftKind {
    REPLY_REPORTER("a reply to the reporter"),
    REPLY_REPORTED("a message to the reported person"),
    RESOLUTION("the resolution notices"),
    DSF_REPORT("the DSF report");

    private final String description;

    DraftKind(String description) {
        this.description = description;
    }

    /** How people are told what the draft is. */
    public String description() {
        return description;
    }
}
