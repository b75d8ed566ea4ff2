package org.conductd.ingest;

/** The keyword a message gets on the server once everything it caused is committed. */
public enum ServerMark {
    PROCESSED("$ConductdProcessed"),
    QUARANTINED("$ConductdQuarantined");

    private final String keyword;

    ServerMark(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
