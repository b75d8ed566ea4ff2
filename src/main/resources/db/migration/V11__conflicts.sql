-- Mail meant for a member even while they are conflicted in its case: the content-free
-- notices that tell them they were declared conflicted, or of a SEND-NOW. Any other mail
-- to a member who is conflicted by the time it would be sent is withdrawn, not sent.
ALTER TABLE outbox ADD COLUMN for_conflicted INTEGER NOT NULL DEFAULT 0;

-- Who declared a member's conflict with CONFLICT: (their roster address). NULL for a
-- member left out because the report or REPORTED: names them: they are told nothing.
ALTER TABLE case_members ADD COLUMN declared_by TEXT;
