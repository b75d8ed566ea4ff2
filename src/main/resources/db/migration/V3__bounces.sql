-- A bounce that came back for a sent message (SPEC §3.6, §4): when it arrived and what it
-- said (status and diagnostic, with email addresses replaced). Set once: a second report
-- about the same message alerts nobody again.
ALTER TABLE outbox ADD COLUMN bounced_at INTEGER;
ALTER TABLE outbox ADD COLUMN bounce_detail TEXT;
