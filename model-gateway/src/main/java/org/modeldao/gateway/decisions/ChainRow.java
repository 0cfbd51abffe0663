package org.modeldao.gateway.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One entry exactly as it is kept — a decision_log row or a segment file's record — text not
 * normalised again, so that whatever someone changed in it shows when it is re-hashed.
 */
record ChainRow(long seq, long recordedAtMillis, String kind, String caller, String model, String version,
        String outcome, String detail, String prevHash, String hash, boolean asciiOnly) {

    static final String COLUMNS = "seq, recorded_at_ms, kind, caller, model, model_version, outcome, detail, prev_hash,"
            + " entry_hash, ascii_only";

    static ChainRow of(ResultSet rs) throws SQLException {
        return new ChainRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9).trim(), rs.getString(10).trim(),
                rs.getBoolean(11));
    }

    /** The entry as the writer would have made it from this text (normalised). */
    StoredEntry stored() {
        return new StoredEntry(seq, recordedAtMillis, new DecisionEntry(kind, caller, model, version, outcome, detail),
                prevHash, hash, asciiOnly);
    }

    /** The row's hash re-computes, and its text is what the writer stores (normal form). */
    boolean intact() {
        StoredEntry stored = stored();
        DecisionEntry e = stored.entry();
        return stored.hashMatches() && kind.equals(e.kind()) && caller.equals(e.caller()) && model.equals(e.model())
                && version.equals(e.version()) && outcome.equals(e.outcome()) && detail.equals(e.detail());
    }
}
