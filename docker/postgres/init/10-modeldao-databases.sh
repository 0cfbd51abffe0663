#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty data volume: one database and
# one login role per service, so the app and the gateway cannot touch each other's tables (the
# gateway's audit log is append-only). Passwords come from the environment, never from a file.
set -eu

: "${APP_DB_PASSWORD:?APP_DB_PASSWORD is required}"
: "${GATEWAY_DB_PASSWORD:?GATEWAY_DB_PASSWORD is required}"
app_db=${APP_DB_NAME:-modeldao}
app_user=${APP_DB_USER:-modeldao_app}
gateway_db=${GATEWAY_DB_NAME:-modeldao_gateway}
gateway_user=${GATEWAY_DB_USER:-modeldao_gateway}

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
    -v app_db="$app_db" -v app_user="$app_user" -v app_password="$APP_DB_PASSWORD" \
    -v gateway_db="$gateway_db" -v gateway_user="$gateway_user" -v gateway_password="$GATEWAY_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"app_db" OWNER :"app_user";
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
CREATE ROLE :"gateway_user" LOGIN PASSWORD :'gateway_password';
CREATE DATABASE :"gateway_db" OWNER :"gateway_user";
REVOKE ALL ON DATABASE :"gateway_db" FROM PUBLIC;
SQL
