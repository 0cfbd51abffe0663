-- The gateway's hash-chained log holds its inference decisions (and the serving lifecycle); the
-- app's governance history is another thing. Named for what it holds: the rows, their hashes and
-- the head stay as they are, so the chain verifies on as before.
ALTER TABLE audit_log RENAME TO decision_log;
ALTER TABLE audit_head RENAME TO decision_head;
