-- keccak256 of the description's raw bytes exactly as logged by ProposalCreated ("0x" + 64 hex digits).
-- The stored description is cleaned for display (indexer/ChainText: NUL and controls escaped, invalid UTF-8
-- replaced), so hashing it again would not give the Governor's proposal id back: queue, execute and cancel
-- take this hash. NULL for rows indexed before this column existed: their description is hashed then.
ALTER TABLE proposal ADD COLUMN description_hash VARCHAR(66);
