-- Sign-In with Ethereum nonces (EIP-4361). Shared by all replicas; a nonce is used at most once.
-- Versions V1..V49 belong to the chain indexer; identity and tokens start at V50.
create table siwe_nonce (
    nonce       varchar(64)              not null primary key,
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    consumed_at timestamp with time zone
);

create index siwe_nonce_expires_at on siwe_nonce (expires_at);
