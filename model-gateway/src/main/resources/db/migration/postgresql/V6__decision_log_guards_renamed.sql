-- V2 and V4 under the tables' new names (V5). The triggers followed the tables, but two functions
-- name audit_log in their bodies (they would refuse every append) and every name still said
-- "audit": the guards are dropped and made again as decision_*. Flyway runs this file in one
-- transaction (DDL is transactional on PostgreSQL), so no one ever sees the log unguarded.
-- Grants belong to the table, not to its name; they are stated again so that this file reads as
-- the whole policy: ${runtime_role} may only append.
DROP TRIGGER audit_log_no_update_or_delete ON decision_log;
DROP TRIGGER audit_log_no_truncate ON decision_log;
DROP TRIGGER audit_log_appends_linked ON decision_log;
DROP TRIGGER audit_head_no_delete ON decision_head;
DROP TRIGGER audit_head_no_truncate ON decision_head;
DROP TRIGGER audit_head_forward_only ON decision_head;
DROP FUNCTION audit_log_is_append_only();
DROP FUNCTION audit_refuses();
DROP FUNCTION audit_log_links();
DROP FUNCTION audit_head_moves_forward();

ALTER TABLE decision_log RENAME CONSTRAINT audit_log_pkey TO decision_log_pkey;
ALTER TABLE decision_head RENAME CONSTRAINT audit_head_pkey TO decision_head_pkey;

REVOKE ALL ON decision_log, decision_head FROM PUBLIC;
GRANT SELECT, INSERT ON decision_log TO "${runtime_role}";
GRANT SELECT, UPDATE (seq, entry_hash) ON decision_head TO "${runtime_role}";

-- No entry is ever changed or deleted.
CREATE FUNCTION decision_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'decision_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER decision_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON decision_log
    FOR EACH ROW EXECUTE FUNCTION decision_log_is_append_only();

CREATE FUNCTION decision_log_refuses() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER decision_log_no_truncate BEFORE TRUNCATE ON decision_log
    FOR EACH STATEMENT EXECUTE FUNCTION decision_log_refuses();
CREATE TRIGGER decision_head_no_delete BEFORE DELETE ON decision_head
    FOR EACH ROW EXECUTE FUNCTION decision_log_refuses();
CREATE TRIGGER decision_head_no_truncate BEFORE TRUNCATE ON decision_head
    FOR EACH STATEMENT EXECUTE FUNCTION decision_log_refuses();

-- An entry must link to the one before it (or to the genesis hash): no gaps, no foreign chains.
CREATE FUNCTION decision_log_links() RETURNS trigger AS $$
BEGIN
    IF NEW.seq = 1 THEN
        IF NEW.prev_hash <> repeat('0', 64) THEN
            RAISE EXCEPTION 'decision_log entry 1 must link to the genesis hash';
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM decision_log WHERE seq = NEW.seq - 1 AND entry_hash = NEW.prev_hash) THEN
        RAISE EXCEPTION 'decision_log entry % does not link to entry %', NEW.seq, NEW.seq - 1;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER decision_log_appends_linked BEFORE INSERT ON decision_log
    FOR EACH ROW EXECUTE FUNCTION decision_log_links();

-- The head moves forward only, and only to an entry that is in the log with that hash.
CREATE FUNCTION decision_head_moves_forward() RETURNS trigger AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.seq < OLD.seq
            OR NOT EXISTS (SELECT 1 FROM decision_log WHERE seq = NEW.seq AND entry_hash = NEW.entry_hash) THEN
        RAISE EXCEPTION 'decision_head only moves forward to an entry in the log';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER decision_head_forward_only BEFORE UPDATE ON decision_head
    FOR EACH ROW EXECUTE FUNCTION decision_head_moves_forward();
