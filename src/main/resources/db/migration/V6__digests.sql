-- Weekly digests sent, by the scheduled time they stand for: each is sent once, and one
-- missed while the daemon was down goes out when it starts.
CREATE TABLE digests (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    scheduled_for  INTEGER NOT NULL UNIQUE,
    sent_at        INTEGER NOT NULL,
    trigger_kind   TEXT    NOT NULL
);
