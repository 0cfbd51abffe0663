package org.modeldao.launcher.services;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command lines of the app and the gateway for a local run: everything they need is
 * passed as {@code --key=value} arguments, so nothing depends on the caller's environment.
 */
public final class DaoServices {

    /** DJL must never call home; ONNX Runtime loads natives (JDK 22+ warns without this). */
    static final List<String> DJL_JVM_OPTIONS = List.of("-Dai.djl.offline=true", "--enable-native-access=ALL-UNNAMED");
    static final Map<String, String> DJL_ENVIRONMENT = Map.of("OPT_OUT_TRACKING", "true");
    /** Spring Boot's launcher that honours {@code loader.path} (the default JarLauncher does not). */
    static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private DaoServices() {
    }

    /** Where a service listens and keeps its data; {@code database} empty = its embedded H2. */
    public record Hosting(String bindAddress, Optional<Database> database) {

        public static Hosting loopbackWithH2() {
            return new Hosting("127.0.0.1", Optional.empty());
        }
    }

    /** A PostgreSQL database made for this run. */
    public record Database(String jdbcUrl, String user, String password) {
    }

    /**
     * The app on the dev profile (dev wallet), in-memory H2 or the given PostgreSQL database,
     * artifacts in {@code artifactsDirectory}. A jar built without its production bundle gets
     * Vaadin's pre-compiled one on its loader path. {@code gatewayUrl} is where its home page asks
     * the gateway what it serves (the gateway may start after the app: the page says "not
     * reachable" until it answers).
     */
    public static ServiceSpec app(Path jar, int port, Path deploymentFile, Path artifactsDirectory, String adminAddress,
            String gatewayUrl, Path home) {
        return app(jar, port, deploymentFile, artifactsDirectory, adminAddress, gatewayUrl, home, Hosting.loopbackWithH2());
    }

    public static ServiceSpec app(Path jar, int port, Path deploymentFile, Path artifactsDirectory, String adminAddress,
            String gatewayUrl, Path home, Hosting hosting) {
        String url = "http://127.0.0.1:" + port;
        List<String> launch = VaadinBundle.isPackagedIn(jar) ? List.of("-jar", jar.toString())
                : List.of("-Dloader.path=" + VaadinBundle.extractTo(home.resolve("app").resolve("vaadin-bundle")),
                        "-cp", jar.toString(), PROPERTIES_LAUNCHER);
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=" + hosting.bindAddress(),
                "--spring.profiles.active=" + (hosting.database().isPresent() ? "dev,postgres" : "dev"),
                "--modeldao.chain.deployment-file=" + deploymentFile,
                "--modeldao.artifacts.directory=" + artifactsDirectory,
                "--modeldao.artifacts.public-base-url=" + url + "/artifacts/",
                "--modeldao.tokens.issuer=" + url,
                "--modeldao.identity.admin-addresses=" + adminAddress,
                "--modeldao.gateway.url=" + gatewayUrl));
        hosting.database().ifPresent(database -> arguments.addAll(datasource(database)));
        return new ServiceSpec("app", DJL_JVM_OPTIONS, launch, arguments,
                DJL_ENVIRONMENT, home.resolve("app"), home.resolve("logs").resolve("app.log"));
    }

    private static List<String> datasource(Database database) {
        return List.of("--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password());
    }

    /**
     * How often the local gateway hashes the approved artifacts again: short, so a file changed
     * in {@code .dao/artifacts} is quarantined within seconds (the models are small).
     */
    static final String ARTIFACT_RECHECK_INTERVAL = "5s";

    /** The gateway following the deployment, its decision log and last approved set under {@code <home>/gateway}. */
    public static ServiceSpec gateway(Path jar, int port, Path deploymentFile, String appUrl, Path home) {
        return gateway(jar, port, deploymentFile, appUrl, home, Hosting.loopbackWithH2());
    }

    public static ServiceSpec gateway(Path jar, int port, Path deploymentFile, String appUrl, Path home, Hosting hosting) {
        Path state = GatewayFolder.of(home);
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=" + hosting.bindAddress(),
                "--gateway.chain.deployment-file=" + deploymentFile,
                "--gateway.chain.state-file=" + state.resolve("approved-state.json"),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + appUrl + "/.well-known/jwks.json",
                "--gateway.tokens.issuer=" + appUrl, // the app's modeldao.tokens.issuer
                "--gateway.artifacts.recheck-interval=" + ARTIFACT_RECHECK_INTERVAL,
                // the app serves the artifacts on 127.0.0.1, and a member may vote a file on this machine:
                // both refused by a gateway's defaults, listed here for the local run only
                "--gateway.sources.allow-file=true",
                "--gateway.sources.allow-private=" + URI.create(appUrl).getHost()));
        hosting.database().ifPresentOrElse(database -> {
            arguments.add("--spring.profiles.active=postgres");
            arguments.addAll(datasource(database));
        }, () -> arguments.add("--spring.datasource.url=jdbc:h2:file:" + state.resolve("decisions") + ";AUTO_SERVER=FALSE"));
        return new ServiceSpec("gateway", DJL_JVM_OPTIONS, List.of("-jar", jar.toString()), arguments,
                DJL_ENVIRONMENT, state, home.resolve("logs").resolve("gateway.log"));
    }
}
