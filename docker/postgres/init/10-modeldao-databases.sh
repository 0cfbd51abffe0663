#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty data volume: one database per
# service, so the app and the gateway cannot touch each other's tables. The gateway has two
# roles: its owner runs the migrations and owns the database and its tables; the runtime role
# only connects, and the gateway's migrations (V4, restated in V6) grant it what it may do with
# the decision log (append). The grants live in those migrations alone, so the script creates no table grants.
# Passwords come from the environment, never from a file.
set -eu

: "${APP_DB_PASSWORD:?APP_DB_PASSWORD is required}"
: "${GATEWAY_DB_PASSWORD:?GATEWAY_DB_PASSWORD is required}"
: "${GATEWAY_DB_OWNER_PASSWORD:?GATEWAY_DB_OWNER_PASSWORD is required}"
app_db=${APP_DB_NAME:-modeldao}
app_user=${APP_DB_USER:-modeldao_app}
gateway_db=${GATEWAY_DB_NAME:-modeldao_gateway}
gateway_user=${GATEWAY_DB_USER:-modeldao_gateway}
gateway_owner=${GATEWAY_DB_OWNER:-modeldao_gateway_owner}
if [ "$gateway_owner" = "$gateway_user" ]; then
    echo "GATEWAY_DB_OWNER must differ from GATEWAY_DB_USER: a runtime role that owns the decision log can drop its triggers" >&2
    exit 1
fi

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
    -v app_db="$app_db" -v app_user="$app_user" -v app_password="$APP_DB_PASSWORD" \
    -v gateway_db="$gateway_db" -v gateway_user="$gateway_user" -v gateway_password="$GATEWAY_DB_PASSWORD" \
    -v gateway_owner="$gateway_owner" -v gateway_owner_password="$GATEWAY_DB_OWNER_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE ROLE :"gateway_owner" LOGIN PASSWORD :'gateway_owner_password';
-- not a member of the owner role: it must not be able to act as the owner (SET ROLE, ALTER TABLE)
CREATE ROLE :"gateway_user" LOGIN PASSWORD :'gateway_password';
CREATE DATABASE :"app_db" OWNER :"app_user";
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
CREATE DATABASE :"gateway_db" OWNER :"gateway_owner";
REVOKE ALL ON DATABASE :"gateway_db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"gateway_db" TO :"gateway_user";
\connect :"gateway_db"
-- PostgreSQL 15+ already keeps PUBLIC from creating in schema public; said here so that no
-- server version lets the runtime role create (and so own) objects beside the log
ALTER SCHEMA public OWNER TO :"gateway_owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
