-- What responders record with commands (SPEC §3.4): who leads, the incident fields for the
-- log, DSF report and transparency report, and when a case was closed.
ALTER TABLE cases ADD COLUMN lead TEXT;
ALTER TABLE cases ADD COLUMN incident_when TEXT;
ALTER TABLE cases ADD COLUMN incident_where TEXT;
ALTER TABLE cases ADD COLUMN summary TEXT;
ALTER TABLE cases ADD COLUMN public_summary TEXT;
ALTER TABLE cases ADD COLUMN closed_at INTEGER;

CREATE INDEX participants_by_role ON participants (role, address);
