-- A proposal's ballots are paged (lazy grid) by voting power or by block.
CREATE INDEX ix_vote_proposal_weight ON vote (proposal_id, weight, block_number, log_index);
CREATE INDEX ix_vote_proposal_block ON vote (proposal_id, block_number, log_index);
