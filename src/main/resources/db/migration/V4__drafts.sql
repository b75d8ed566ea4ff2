-- The two-person rule (SPEC §3.5): drafts, the exact messages each would send, the
-- approvals they received, and which approval request asked about which draft.

-- id is the draft number people see ("D3").
CREATE TABLE drafts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id         INTEGER NOT NULL REFERENCES cases (id),
    kind            TEXT    NOT NULL,
    author          TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    resolution      TEXT,
    content_hash    TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    decided_at      INTEGER,
    decided_by      TEXT,
    decision_note   TEXT,
    source_message  INTEGER REFERENCES messages (id)
);
CREATE INDEX drafts_by_case ON drafts (case_id, state);

-- Rendered when drafted, so what is approved is exactly what is sent.
CREATE TABLE draft_messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id        INTEGER NOT NULL REFERENCES drafts (id),
    recipient_role  TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    recipient_name  TEXT,
    message_id      TEXT    NOT NULL,
    in_reply_to     TEXT,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT
);
CREATE INDEX draft_messages_by_draft ON draft_messages (draft_id);

CREATE TABLE approvals (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id        INTEGER NOT NULL REFERENCES drafts (id),
    member          TEXT    NOT NULL,
    content_hash    TEXT    NOT NULL,
    at              INTEGER NOT NULL,
    source_message  INTEGER REFERENCES messages (id),
    UNIQUE (draft_id, member)
);

-- An APPROVE or REJECT that answers an approval request names its draft this way.
CREATE TABLE draft_requests (
    message_id  TEXT    PRIMARY KEY,
    draft_id    INTEGER NOT NULL REFERENCES drafts (id)
);

ALTER TABLE cases ADD COLUMN resolution TEXT;
ALTER TABLE cases ADD COLUMN dsf_reported_at INTEGER;
