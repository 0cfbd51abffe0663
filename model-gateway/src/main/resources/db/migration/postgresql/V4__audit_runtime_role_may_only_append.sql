-- Migrations run as the owner (spring.flyway.user); the gateway runs as ${runtime_role}, which may
-- only append: INSERT entries that link to the previous one, and move the head forward to an
-- entry that exists. No UPDATE/DELETE/TRUNCATE of the log, no DELETE/TRUNCATE of the head, and
-- as a non-owner it can neither drop nor disable these triggers.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${runtime_role}') THEN
        -- an operator creates the login role (with its password) beforehand; this only keeps the grants valid
        CREATE ROLE "${runtime_role}" NOLOGIN;
    END IF;
END
$$;

REVOKE ALL ON audit_log, audit_head FROM PUBLIC;
GRANT SELECT, INSERT ON audit_log TO "${runtime_role}";
GRANT SELECT, UPDATE (seq, entry_hash) ON audit_head TO "${runtime_role}";

CREATE FUNCTION audit_refuses() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuses();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_refuses();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuses();

-- An entry must link to the one before it (or to the genesis hash): no gaps, no foreign chains.
CREATE FUNCTION audit_log_links() RETURNS trigger AS $$
BEGIN
    IF NEW.seq = 1 THEN
        IF NEW.prev_hash <> repeat('0', 64) THEN
            RAISE EXCEPTION 'audit_log entry 1 must link to the genesis hash';
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq - 1 AND entry_hash = NEW.prev_hash) THEN
        RAISE EXCEPTION 'audit_log entry % does not link to entry %', NEW.seq, NEW.seq - 1;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_appends_linked BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_links();

-- The head moves forward only, and only to an entry that is in the log with that hash.
CREATE FUNCTION audit_head_moves_forward() RETURNS trigger AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.seq < OLD.seq
            OR NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND entry_hash = NEW.entry_hash) THEN
        RAISE EXCEPTION 'audit_head only moves forward to an entry in the log';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_moves_forward();
