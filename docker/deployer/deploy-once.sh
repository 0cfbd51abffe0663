#!/bin/sh
# Deploys the DAO unless the descriptor at DESCRIPTOR_PATH already names contracts that live on
# the chain at RPC_URL (same chain id, code at the registry address). Why: the deployer runs on
# every `docker compose up`; against a persistent node a second deployment would create a second
# DAO, while a dev node that lost its state must get the contracts again.
# Everything else (DEPLOYER_PRIVATE_KEY, TOKEN_ALLOCATIONS, VOTING_*...) is read by DeployCommand.
set -eu

: "${RPC_URL:?RPC_URL is required (JSON-RPC endpoint of the chain node)}"
DESCRIPTOR_PATH=${DESCRIPTOR_PATH:-/deployment/deployment.json}
export DESCRIPTOR_PATH
classpath=${DEPLOYER_CLASSPATH:-/opt/deployer/lib/*}
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java

log() { echo "deploy-once: $*" >&2; }

# Calls a JSON-RPC method and prints the "result" string (empty if there is none); fails if
# the node cannot be reached (not piped, so curl's failure is not masked).
rpc_result() {
    response=$(curl -fsS --max-time 10 -H 'Content-Type: application/json' \
        --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" "$RPC_URL") || return 1
    printf '%s\n' "$response" | sed -n 's/.*"result" *: *"\([^"]*\)".*/\1/p'
}

# Prints the value of a top-level string or number field of the (pretty-printed) descriptor.
descriptor_field() {
    sed -n "s/^ *\"$1\" *: *\"*\([^\",]*\)\"*,*\$/\1/p" "$DESCRIPTOR_PATH" | head -n 1
}

node_chain_hex=$(rpc_result eth_chainId '[]') || { log "cannot reach the chain node at $RPC_URL"; exit 1; }
[ -n "$node_chain_hex" ] || { log "$RPC_URL did not answer eth_chainId"; exit 1; }
node_chain=$(printf '%d' "$node_chain_hex")

if [ -s "$DESCRIPTOR_PATH" ]; then
    chain=$(descriptor_field chainId)
    registry=$(descriptor_field registry)
    code=""
    if [ "$chain" = "$node_chain" ] && [ -n "$registry" ]; then
        code=$(rpc_result eth_getCode "[\"$registry\",\"latest\"]") || { log "cannot reach the chain node at $RPC_URL"; exit 1; }
    fi
    if [ -n "$code" ] && [ "$code" != "0x" ]; then
        log "already deployed on chain $chain (registry $registry); keeping $DESCRIPTOR_PATH"
        exit 0
    fi
    log "$DESCRIPTOR_PATH names contracts that are not on chain $node_chain at $RPC_URL; deploying again"
fi

log "deploying to chain $node_chain at $RPC_URL"
exec "$java_cmd" -Dai.djl.offline=true -cp "$classpath" org.modeldao.contracts.DeployCommand
