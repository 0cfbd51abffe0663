# syntax=docker/dockerfile:1.7
# One-shot deployer: deploys the DAO (token, timelock, governor, registry) to the node at RPC_URL
# with governance-contracts' DeployCommand and writes the deployment descriptor into a volume the
# app and the gateway mount read-only. Runs DeployCommand only when the descriptor's contracts
# are not already on that chain (deployer/deploy-once.sh), so `docker compose up` is repeatable.
#   docker build -f docker/deployer.Dockerfile -t model-dao/deployer .
ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS node

FROM ${JDK_IMAGE} AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version && npm --version
ENV HARDHAT_DISABLE_TELEMETRY_PROMPT=true
WORKDIR /src
# Maven reads every module's pom listed in the root pom, even with -pl.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY demo-models/pom.xml demo-models/
COPY onnx-checks/pom.xml onnx-checks/
COPY model-gateway/pom.xml model-gateway/
COPY app/pom.xml app/
COPY launcher/pom.xml launcher/
COPY benchmarks/pom.xml benchmarks/
COPY governance-contracts/ governance-contracts/
# The contracts jar (ABI, bytecode, web3j wrappers, DeployCommand), its runtime dependencies and
# Logback: the library itself only speaks SLF4J, so without a binding the deployer's log is lost.
RUN --mount=type=cache,id=modeldao-m2,target=/root/.m2 \
    --mount=type=cache,id=modeldao-npm,target=/root/.npm \
    ./mvnw -B -ntp -pl governance-contracts -am package dependency:copy-dependencies -DskipTests \
        -DincludeScope=runtime -DoutputDirectory=/build/lib \
 && ./mvnw -B -ntp -pl governance-contracts dependency:copy-dependencies \
        -DincludeScope=test -DincludeGroupIds=ch.qos.logback -DoutputDirectory=/build/lib \
 && cp governance-contracts/target/governance-contracts-*.jar /build/lib/

FROM ${JRE_IMAGE}
# curl for the "already deployed?" JSON-RPC check in deploy-once.sh
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 modeldao \
 && useradd --system --uid 10001 --gid modeldao --home-dir /deployment --shell /usr/sbin/nologin modeldao \
 && install -d -o modeldao -g modeldao /deployment
COPY --from=build /build/lib/ /opt/deployer/lib/
COPY docker/deployer/deploy-once.sh /opt/deployer/deploy-once.sh
COPY docker/deployer/logback.xml /opt/deployer/logback.xml
# A fresh named volume mounted at /deployment takes this directory's owner: the service user.
WORKDIR /deployment
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Dlogback.configurationFile=/opt/deployer/logback.xml" \
    OPT_OUT_TRACKING=true \
    DESCRIPTOR_PATH=/deployment/deployment.json \
    DEPLOYER_CLASSPATH="/opt/deployer/lib/*"
ENTRYPOINT ["sh", "/opt/deployer/deploy-once.sh"]
