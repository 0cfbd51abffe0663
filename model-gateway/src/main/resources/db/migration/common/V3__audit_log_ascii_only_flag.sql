-- An entry the database refused in its normal form is stored ASCII-only, flagged here (the
-- flag is part of the entry's hash): kept rather than dropped, and never retried forever.
ALTER TABLE audit_log ADD COLUMN ascii_only BOOLEAN DEFAULT FALSE NOT NULL;
