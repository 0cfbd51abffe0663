-- The transaction of every registry change, so the catalog can link it (approvals, added
-- constraints and the history tables had theirs already; revocations and removals did not).
ALTER TABLE model_version ADD COLUMN revoked_tx VARCHAR(66);
ALTER TABLE ethical_constraint ADD COLUMN removed_tx VARCHAR(66);

-- Rows indexed before: take the transaction from the audit trail's log of the same change.
UPDATE model_version SET revoked_tx = (
    SELECT MIN(e.tx_hash) FROM chain_event e
    WHERE e.contract = 'REGISTRY' AND e.event_name = 'ModelVersionRevoked' AND e.block_number = model_version.revoked_block
      AND LEFT(e.summary, LENGTH('Revoked ' || model_version.model || ' ' || model_version.version || ':'))
          = 'Revoked ' || model_version.model || ' ' || model_version.version || ':')
WHERE revoked_block IS NOT NULL;
UPDATE ethical_constraint SET removed_tx = (
    SELECT MIN(e.tx_hash) FROM chain_event e
    WHERE e.contract = 'REGISTRY' AND e.event_name = 'EthicalConstraintRemoved' AND e.block_number = ethical_constraint.removed_block
      AND LEFT(e.summary, LENGTH('Constraint ' || CAST(ethical_constraint.constraint_id AS VARCHAR(80)) || ' removed'))
          = 'Constraint ' || CAST(ethical_constraint.constraint_id AS VARCHAR(80)) || ' removed')
WHERE removed_block IS NOT NULL;
