-- export-log lists who each case's mail reached. The state and bounce columns come after
-- the raw message in the row, so without this index SQLite read every message ever sent to
-- answer it; the index holds all the query needs, sent mail first, in the order it groups by.
CREATE INDEX outbox_case_recipients ON outbox (state, case_id, recipient, member, bounced_at);
