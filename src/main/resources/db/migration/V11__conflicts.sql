-- Mail meant for a member even while they are conflicted in its case: the content-free
-- notices that tell them they were declared conflicted, or of a SEND-NOW. Any other mail
-- to a member who is conflicted by the time it would be sent is withdrawn, not sent.
ALTER TABLE outbox ADD COLUMN for_conflicted INTEGER NOT NULL DEFAULT 0;

-- Who declared a member's conflict with CONFLICT: (their roster address). NULL for a
-- member left out because the report or REPORTED: names them: they are told nothing.
ALTER TABLE case_members ADD COLUMN declared_by TEXT;

-- Cases opened during a flood of reports: their responders get one summary every few
-- minutes instead of a notification per case. summarized_at: when a summary listed it.
CREATE TABLE held_notifications (
    case_id        INTEGER PRIMARY KEY REFERENCES cases (id),
    held_at        INTEGER NOT NULL,
    summarized_at  INTEGER
);
