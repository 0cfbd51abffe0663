-- A proposal's calls are decoded once, when the indexer stores them, with the one action model
-- (proposals.ActionCodec); the pages read this JSON back instead of decoding on every view. The raw
-- call (target, value, calldata) stays: queue, execute and cancel need it. Rows indexed before this
-- migration keep NULL here and are decoded when read.
ALTER TABLE proposal_action ADD COLUMN decoded_action TEXT;
