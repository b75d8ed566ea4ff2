-- Erasing personal data (SPEC §2, purge): the event log stays append-only, except that a
-- purge may blank an event's detail. Who, what and when stay; no other change is allowed.
DROP TRIGGER events_are_append_only;
CREATE TRIGGER events_are_append_only BEFORE UPDATE ON events
WHEN NOT (NEW.detail IS NULL
          AND NEW.id = OLD.id
          AND NEW.case_id IS OLD.case_id
          AND NEW.at = OLD.at
          AND NEW.actor = OLD.actor
          AND NEW.kind = OLD.kind
          AND NEW.message_row IS OLD.message_row)
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only; only its details may be erased');
END;
