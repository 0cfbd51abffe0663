-- Archiving (V7) is the one way entries leave decision_log, and only the owner may do it: the
-- runtime role ${runtime_role} still only appends (it may read the segments' register, for
-- verify-decisions). The database itself holds the archiver to the rules below, whoever runs it.
REVOKE ALL ON decision_archive FROM PUBLIC;
GRANT SELECT ON decision_archive TO "${runtime_role}";

-- A segment is registered only if it continues the previous one (or starts at entry 1), ends at an
-- entry that is in the log with that hash, and ends before the head: the head's entry stays in the
-- table, so the next append still finds the entry it links to.
CREATE FUNCTION decision_archive_continues() RETURNS trigger AS $$
DECLARE
    previous_last BIGINT;
BEGIN
    SELECT coalesce(max(last_seq), 0) INTO previous_last FROM decision_archive;
    IF NEW.first_seq <> previous_last + 1 OR NEW.last_seq < NEW.first_seq THEN
        RAISE EXCEPTION 'decision_archive segment %..% does not continue the archive (it ends at %)',
            NEW.first_seq, NEW.last_seq, previous_last;
    END IF;
    IF NEW.last_seq >= (SELECT seq FROM decision_head WHERE id = 1) THEN
        RAISE EXCEPTION 'decision_archive segment %..% would take the head''s entry', NEW.first_seq, NEW.last_seq;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM decision_log WHERE seq = NEW.last_seq AND entry_hash = NEW.last_hash) THEN
        RAISE EXCEPTION 'decision_archive segment %..% names a last hash that entry % does not have',
            NEW.first_seq, NEW.last_seq, NEW.last_seq;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER decision_archive_contiguous BEFORE INSERT ON decision_archive
    FOR EACH ROW EXECUTE FUNCTION decision_archive_continues();
CREATE TRIGGER decision_archive_no_update_or_delete BEFORE UPDATE OR DELETE ON decision_archive
    FOR EACH ROW EXECUTE FUNCTION decision_log_refuses();
CREATE TRIGGER decision_archive_no_truncate BEFORE TRUNCATE ON decision_archive
    FOR EACH STATEMENT EXECUTE FUNCTION decision_log_refuses();

-- No entry is ever changed; an entry is deleted only once a registered segment holds it.
CREATE OR REPLACE FUNCTION decision_log_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.seq <= (SELECT coalesce(max(last_seq), 0) FROM decision_archive) THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'decision_log is append-only: entry % is not archived, DELETE refused', OLD.seq;
    END IF;
    RAISE EXCEPTION 'decision_log is append-only';
END;
$$ LANGUAGE plpgsql;
