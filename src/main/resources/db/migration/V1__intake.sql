-- The intake schema: cases, the messages in them, the people, the paper trail, the outbox.
-- Instants are epoch milliseconds (UTC).

CREATE TABLE mailbox_state (
    folder        TEXT PRIMARY KEY,
    uid_validity  INTEGER NOT NULL,
    last_uid      INTEGER NOT NULL
);

-- id is the case number N shown to people ("[CoC #N]").
CREATE TABLE cases (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    code_name         TEXT    NOT NULL UNIQUE,
    state             TEXT    NOT NULL,
    severity          TEXT,
    anonymous         INTEGER NOT NULL DEFAULT 0,
    opened_at         INTEGER NOT NULL,
    taken_by          TEXT,
    subject           TEXT,
    last_activity_at  INTEGER NOT NULL
);

-- Everyone a case involves besides the roster: reporter, reported person, witnesses.
CREATE TABLE participants (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    role      TEXT    NOT NULL,
    name      TEXT,
    address   TEXT,
    added_at  INTEGER NOT NULL
);
CREATE INDEX participants_by_case ON participants (case_id);
CREATE INDEX participants_by_address ON participants (address);

-- A roster member's standing in one case (keyed by their roster address).
CREATE TABLE case_members (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    member      TEXT    NOT NULL,
    conflicted  INTEGER NOT NULL DEFAULT 0,
    reason      TEXT,
    since       INTEGER NOT NULL,
    UNIQUE (case_id, member)
);

CREATE TABLE messages (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id    TEXT UNIQUE,
    sha256        TEXT    NOT NULL UNIQUE,
    folder        TEXT,
    uid_validity  INTEGER,
    uid           INTEGER,
    received_at   INTEGER NOT NULL,
    size          INTEGER NOT NULL,
    from_address  TEXT,
    from_name     TEXT,
    subject       TEXT,
    case_id       INTEGER REFERENCES cases (id),
    author_role   TEXT,
    disposition   TEXT    NOT NULL,
    note          TEXT,
    body_text     TEXT
);
CREATE INDEX messages_by_uid ON messages (folder, uid_validity, uid);
CREATE INDEX messages_by_case ON messages (case_id);

-- The bytes as received. Oversized mail is kept in a file under the data directory instead.
CREATE TABLE raw_messages (
    message_row  INTEGER PRIMARY KEY REFERENCES messages (id),
    bytes        BLOB,
    file_name    TEXT
);

-- stored_name is generated; the sender's file name is only ever shown, never used as a path.
CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    message_row   INTEGER NOT NULL REFERENCES messages (id),
    stored_name   TEXT    NOT NULL UNIQUE,
    file_name     TEXT,
    content_type  TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    content       BLOB    NOT NULL
);
CREATE INDEX attachments_by_message ON attachments (message_row);

-- The paper trail: append-only.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id      INTEGER REFERENCES cases (id),
    at           INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    detail       TEXT,
    message_row  INTEGER REFERENCES messages (id)
);
CREATE INDEX events_by_case ON events (case_id);
CREATE TRIGGER events_are_append_only BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

-- One row per recipient; raw is the exact message that goes on the wire.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id          INTEGER REFERENCES cases (id),
    kind             TEXT    NOT NULL,
    priority         INTEGER NOT NULL,
    message_id       TEXT    NOT NULL UNIQUE,
    recipient        TEXT    NOT NULL,
    member           TEXT,
    raw              BLOB    NOT NULL,
    state            TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    sent_at          INTEGER,
    cause_message    INTEGER REFERENCES messages (id)
);
CREATE INDEX outbox_due ON outbox (state, priority, next_attempt_at);
CREATE INDEX outbox_by_recipient ON outbox (recipient, kind, created_at);
CREATE INDEX outbox_by_case ON outbox (case_id);

CREATE TABLE quarantine (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    message_row  INTEGER NOT NULL REFERENCES messages (id),
    reason       TEXT    NOT NULL,
    at           INTEGER NOT NULL,
    notified_at  INTEGER
);
