-- An approval request is bound to the member it was sent to and the exact content it
-- showed, so an APPROVE counts only for what that member saw (SPEC §3.5).
ALTER TABLE draft_requests ADD COLUMN member TEXT;
ALTER TABLE draft_requests ADD COLUMN content_hash TEXT;
CREATE INDEX draft_requests_by_draft ON draft_requests (draft_id, member);
