# syntax=docker/dockerfile:1.7
# Dev chain node: the same Hardhat 2 the tests use (pinned by governance-contracts'
# package-lock.json), chain id 31337, cancun, automine plus a block every
# CHAIN_BLOCK_INTERVAL_MS, twenty funded dev accounts from the well-known test mnemonic. State
# lives in memory. For local use only: production points RPC_URL at an external node instead
# (see docker/README.md).
#   docker build -f docker/chain.Dockerfile -t model-dao/chain .
ARG NODE_IMAGE=node:22-bookworm-slim
FROM ${NODE_IMAGE}
ENV HARDHAT_DISABLE_TELEMETRY_PROMPT=true NODE_ENV=development
WORKDIR /opt/chain
COPY governance-contracts/package.json governance-contracts/package-lock.json ./
RUN --mount=type=cache,id=modeldao-npm,target=/root/.npm \
    npm ci --no-audit --no-fund --loglevel=error
# governance-contracts' node settings plus interval mining (CHAIN_BLOCK_INTERVAL_MS)
COPY docker/chain/hardhat.config.cjs docker/chain/healthcheck.mjs ./
# the node image's unprivileged user
USER node
EXPOSE 8545
HEALTHCHECK --interval=5s --timeout=5s --start-period=20s --retries=10 CMD ["node", "/opt/chain/healthcheck.mjs"]
ENTRYPOINT ["node", "node_modules/hardhat/internal/cli/bootstrap.js", "node", "--hostname", "0.0.0.0", "--port", "8545"]
