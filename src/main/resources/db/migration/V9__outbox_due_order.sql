-- The sender asks for due mail by priority, oldest first (ORDER BY priority, id). The old
-- index ordered by the next attempt time instead, so SQLite read every pending row of the
-- first priority, the stored message included, to sort 50 of them: with a backlog of
-- thousands of acknowledgements the sender managed about 50 a second. This index gives the
-- order itself and holds the due time, so only the 50 rows chosen are read.
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (state, priority, id, next_attempt_at);
