-- A proposal's calls are kept as proposed (target, value, calldata); the proposal pages decode
-- them with the one action model (proposals.ActionCodec). The copy decoded at indexing time,
-- which nothing read, goes: one reading of calldata, one wording.
ALTER TABLE proposal_action DROP COLUMN action_json;
ALTER TABLE proposal_action DROP COLUMN action_kind;
