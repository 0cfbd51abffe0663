package org.modeldao.launcher.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real repository (from the build), and tiny fake repositories for checks that must fail. */
final class RepositoryFixture {

    private RepositoryFixture() {
    }

    static Path repository() {
        String root = System.getProperty("modeldao.repository.root");
        Path path = root != null ? Path.of(root) : Path.of("..");
        if (!Files.isRegularFile(path.resolve(ComposeProject.COMPOSE_FILE))) {
            throw new IllegalStateException("no " + ComposeProject.COMPOSE_FILE + " under " + path.toAbsolutePath());
        }
        return path.toAbsolutePath().normalize();
    }

    static String read(Path repository, String file) {
        return ModuleConfiguration.read(repository.resolve(file));
    }

    /**
     * A one-module repository whose compose file, Dockerfile and module configuration are all
     * consistent; tests break one thing at a time with {@link #write}.
     */
    static Path fakeRepository(Path folder) {
        write(folder, "pom.xml", "<project><modules><module>svc</module></modules></project>");
        write(folder, "svc/pom.xml", "<project/>");
        write(folder, "svc/src/main/resources/application.yml", """
                server:
                  port: ${PORT:9000}
                svc:
                  greeting: hello
                  password: ${SVC_PASSWORD:}
                """);
        write(folder, "svc/src/main/java/org/example/SvcProperties.java", """
                package org.example;
                @ConfigurationProperties("svc.chain")
                public record SvcProperties(@DefaultValue("") String rpcUrl, Limits limits, java.util.Map<String, String> tags) {
                    public record Limits(@DefaultValue("10") int maxBatchSize) {}
                }
                """);
        write(folder, "docker/svc.Dockerfile", """
                ARG JRE_IMAGE=eclipse-temurin:25-jre-noble
                FROM eclipse-temurin:25-jdk-noble AS build
                COPY pom.xml ./
                COPY svc/ svc/
                RUN ./mvnw -pl svc -am package
                FROM ${JRE_IMAGE}
                COPY --from=build /src/svc/target/svc.jar /opt/svc.jar
                USER 10001
                ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" OPT_OUT_TRACKING=true
                EXPOSE 9000
                ENTRYPOINT ["java", "-Dai.djl.offline=true", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/svc.jar"]
                """);
        write(folder, "docker/compose.yaml", """
                services:
                  svc:
                    build:
                      context: ..
                      dockerfile: docker/svc.Dockerfile
                    labels:
                      org.modeldao.module: svc
                    environment:
                      SVC_GREETING: hi
                      SVC_CHAIN_RPCURL: http://svc:9000
                      SVC_CHAIN_LIMITS_MAXBATCHSIZE: "5"
                      SVC_CHAIN_TAGS_TEAM: blue
                      SPRING_PROFILES_ACTIVE: prod
                      SVC_PASSWORD: ${SVC_PASSWORD:?required}
                    ports:
                      - "${SVC_PORT:-9000}:9000"
                    volumes:
                      - svc-data:/data
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://127.0.0.1:9000/actuator/health"]
                volumes:
                  svc-data:
                """);
        write(folder, "docker/.env.example", "SVC_PASSWORD=change-me\n# SVC_PORT=9000\n");
        return folder;
    }

    static void write(Path repository, String file, String text) {
        try {
            Path path = repository.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
