package org.modeldao.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.modeldao.contracts.devchain.ContractsProject;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.launcher.report.SystemDescriptor;
import org.modeldao.launcher.seed.ArtifactFolder;
import org.modeldao.launcher.seed.DemoDao;
import org.modeldao.launcher.seed.DemoSeeder;
import org.modeldao.launcher.services.BootJars;
import org.modeldao.launcher.services.DaoServices;
import org.modeldao.launcher.services.GatewayFolder;
import org.modeldao.launcher.services.OrphanGuard;
import org.modeldao.launcher.services.ServiceProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole DAO on one machine: dev chain with the seeded demo DAO, then the governance app,
 * then the model gateway (which fetches the approved model from the app). {@link #close()}
 * stops them in reverse order and waits until every process is gone.
 */
public final class LocalDao implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalDao.class);
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(4);

    private final LocalDaoSettings settings;
    private final List<ServiceProcess> services = Collections.synchronizedList(new ArrayList<>());
    private final List<OrphanGuard> guards = Collections.synchronizedList(new ArrayList<>());
    private final List<String> databases = Collections.synchronizedList(new ArrayList<>());
    private volatile DevChain chain;
    private volatile DemoDao dao;

    public LocalDao(LocalDaoSettings settings) {
        this.settings = settings;
    }

    /** Starts everything and returns the running system once the demo model answers. */
    public SystemDescriptor start() {
        long started = System.nanoTime();
        BootJars jars = new BootJars(settings.repositoryRoot());
        var appJar = jars.app();
        var gatewayJar = jars.gateway();
        requireFree(settings.appPort(), "modeldao.app.port", "the governance app");
        requireFree(settings.gatewayPort(), "modeldao.gateway.port", "the model gateway");
        try {
            int chainPort = DevChain.isPortFree(settings.chainPort()) ? settings.chainPort() : 0;
            if (chainPort == 0) {
                log.warn("Port {} is in use: the dev chain takes a free port (see the RPC URL below)", settings.chainPort());
            }
            chain = DevChain.start(ContractsProject.locate(), chainPort);
            guards.add(OrphanGuard.watch(chain.pid()));
            ArtifactFolder artifacts = new ArtifactFolder(settings.artifactsDirectory(), settings.appUrl() + "/artifacts/");
            dao = new DemoSeeder(chain, artifacts).seed();
            // blocks keep coming while nobody transacts, so browser votes reach their deadlines
            chain.setIntervalMining(settings.blockInterval());
            chain.setAutomine(true);
            dao.deployment().write(settings.deploymentFile());
            // the last run's approved set describes a chain that is gone
            Files.deleteIfExists(GatewayFolder.of(settings.home()).resolve("approved-state.json"));
            GatewayFolder.renameFormerFiles(settings.home());

            ServiceProcess app = launch(DaoServices.app(appJar, settings.appPort(), settings.deploymentFile(),
                    settings.artifactsDirectory(), dao.members().getFirst().getAddress(), settings.gatewayUrl(), settings.home(),
                    hosting("modeldao_app")));
            app.awaitOk(settings.appUrl() + "/actuator/health", SERVICE_START_TIMEOUT);
            ServiceProcess gateway = launch(DaoServices.gateway(gatewayJar, settings.gatewayPort(),
                    settings.deploymentFile(), settings.appUrl(), settings.home(), hosting("modeldao_gateway")));
            gateway.awaitOk(settings.gatewayUrl() + "/v2/health/ready", SERVICE_START_TIMEOUT);
            gateway.awaitOk(settings.gatewayUrl() + "/v2/models/" + dao.model() + "/ready", SERVICE_START_TIMEOUT);

            long startupMillis = (System.nanoTime() - started) / 1_000_000;
            SystemDescriptor system = SystemDescriptors.of(settings, chain, dao, app, gateway, Instant.now(), startupMillis);
            system.write(settings.systemFile());
            log.info("Start-up to ready took {} ms", startupMillis);
            return system;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public Optional<DemoDao> dao() {
        return Optional.ofNullable(dao);
    }

    /** The running dev chain node, for tests that act on the chain (governance, snapshots) while the services follow. */
    public Optional<DevChain> chain() {
        return Optional.ofNullable(chain);
    }

    /** Every process this run started (chain node, app, gateway), for checks that none outlives it. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> handles = new ArrayList<>();
        DevChain node = chain;
        if (node != null) {
            ProcessHandle.of(node.pid()).ifPresent(handles::add);
        }
        synchronized (services) {
            services.forEach(service -> handles.add(service.handle()));
        }
        return handles;
    }

    @Override
    public synchronized void close() {
        List<ServiceProcess> running;
        synchronized (services) {
            running = new ArrayList<>(services);
            services.clear();
        }
        Collections.reverse(running);
        running.forEach(ServiceProcess::close);
        DevChain node = chain;
        chain = null;
        if (node != null) {
            node.close();
            log.info("Stopped the dev chain");
        }
        synchronized (guards) {
            guards.forEach(OrphanGuard::close);
            guards.clear();
        }
        try {
            Files.deleteIfExists(settings.systemFile());
        } catch (IOException e) {
            log.warn("Could not remove {}", settings.systemFile(), e);
        }
    }

    /** Loopback unless told otherwise; on PostgreSQL (a fresh database per service and run) when asked. */
    private DaoServices.Hosting hosting(String databasePrefix) {
        Optional<DaoServices.Database> database = settings.postgres().map(server -> {
            String name = server.createFreshDatabase(databasePrefix, Clock.systemUTC());
            log.info("PostgreSQL database for this run: {}", server.urlOf(name));
            databases.add(server.urlOf(name));
            return new DaoServices.Database(server.urlOf(name), server.user(), server.password());
        });
        return new DaoServices.Hosting(settings.bindAddress(), database);
    }

    /** JDBC URLs of the PostgreSQL databases this run created (empty on H2). */
    public List<String> databases() {
        return List.copyOf(databases);
    }

    private ServiceProcess launch(org.modeldao.launcher.services.ServiceSpec spec) {
        ServiceProcess process = ServiceProcess.start(spec);
        services.add(process);
        guards.add(OrphanGuard.watch(process.pid()));
        return process;
    }

    private static void requireFree(int port, String property, String service) {
        if (!DevChain.isPortFree(port)) {
            throw new IllegalStateException("Port " + port + " for " + service + " is already in use: stop what runs there"
                    + " or choose another port with -D" + property + "=<port>");
        }
    }
}
