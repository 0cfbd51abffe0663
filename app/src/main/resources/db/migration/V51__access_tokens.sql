-- JWTs issued to signed-in accounts for calling the model gateway. The token itself is never
-- stored (only its id), so a database leak reveals no usable token.
create table access_token (
    jti        varchar(64)              not null primary key,
    subject    varchar(42)              not null,
    label      varchar(100)             not null,
    issued_at  timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    revoked_at timestamp with time zone
);

create index access_token_subject on access_token (subject);
create index access_token_revoked on access_token (revoked_at, expires_at);
