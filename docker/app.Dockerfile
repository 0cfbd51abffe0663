# syntax=docker/dockerfile:1.7
# The governance app (Spring Boot + Vaadin). Build from the repository root:
#   docker build -f docker/app.Dockerfile -t model-dao/app .
# Build stage: JDK 25 plus the Node.js of the official node image (the contracts compile with
# npm's solc); nothing is downloaded from outside Maven Central and npm. Runtime: JRE 25, a
# non-root user, read-only code, the Spring Boot jar extracted into cache-friendly layers.
ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS node

FROM ${JDK_IMAGE} AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version && npm --version
ENV OPT_OUT_TRACKING=true HARDHAT_DISABLE_TELEMETRY_PROMPT=true
WORKDIR /src
# Maven reads every module's pom listed in the root pom, even with -pl.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY demo-models/pom.xml demo-models/
COPY model-gateway/pom.xml model-gateway/
COPY launcher/pom.xml launcher/
COPY benchmarks/pom.xml benchmarks/
COPY governance-contracts/ governance-contracts/
COPY onnx-checks/ onnx-checks/
COPY frontend/ frontend/
COPY app/ app/
# -Pproduction: the frontend bundle of the app's own components (npm + Vite, Node 24 from the npm registry),
# no dev server.
RUN --mount=type=cache,id=modeldao-m2,target=/root/.m2 \
    --mount=type=cache,id=modeldao-npm,target=/root/.npm \
    ./mvnw -B -ntp -pl app -am package -DskipTests -Pproduction \
 && mkdir -p /build \
 && cp app/target/app-*.jar /build/app.jar \
 && java -Djarmode=tools -jar /build/app.jar extract --layers --destination /build/extracted

FROM ${JRE_IMAGE}
# curl only for the health check
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 modeldao \
 && useradd --system --uid 10001 --gid modeldao --home-dir /var/lib/modeldao-app --shell /usr/sbin/nologin modeldao \
 && install -d -o modeldao -g modeldao /var/lib/modeldao-app
# Code belongs to root and is read-only for the service user; least-changing layers first.
WORKDIR /opt/modeldao-app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# The working directory is the service's only writable place (relative paths land there).
WORKDIR /var/lib/modeldao-app
USER 10001:10001
# Tunable JVM flags (override JAVA_TOOL_OPTIONS); the container's memory limit sizes the heap.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC" \
    OPT_OUT_TRACKING=true
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=4 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health || exit 1
# Fixed flags: no library may phone home (DJL), and native access without warnings.
ENTRYPOINT ["java", "-Dai.djl.offline=true", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/modeldao-app/app.jar"]
