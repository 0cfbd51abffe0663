package org.modeldao.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.modeldao.launcher.report.SystemDescriptor;

/**
 * One {@link LocalDao} per test JVM (starting it costs 30–100 s): {@link LocalDaoIT} checks the
 * seeded state first, {@code DaoStoriesBrowserIT} then changes it through the browser, and
 * {@link LocalDaoCloseIT} stops it last (class order in junit-platform.properties). A JVM
 * shutdown hook stops it when only some of those classes run.
 */
final class RunningDao {

    private static RunningDao shared;
    private static RuntimeException failedStart;

    final Path home;
    final LocalDao dao;
    final SystemDescriptor system;
    final List<ProcessHandle> processes;

    private RunningDao(Path home, LocalDao dao, SystemDescriptor system) {
        this.home = home;
        this.dao = dao;
        this.system = system;
        this.processes = dao.processes();
    }

    static synchronized RunningDao get() {
        if (failedStart != null) {
            throw failedStart; // one failed start is enough: the next class would only wait for it again
        }
        if (shared == null) {
            try {
                // under target/: cleaned by the next clean build, kept for a CI run's artifacts meanwhile
                Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "local-dao-it-");
                int[] ports = freePorts(3); // never 8545/8080/8090: a developer's ./dao run may be using them
                LocalDaoSettings settings = new LocalDaoSettings(home,
                        Path.of(System.getProperty("modeldao.repository.root", "..")), ports[0], ports[1], ports[2],
                        Duration.ofSeconds(2));
                LocalDao dao = new LocalDao(settings);
                Runtime.getRuntime().addShutdownHook(new Thread(dao::close, "local-dao-it-stop"));
                try {
                    shared = new RunningDao(home, dao, dao.start());
                } catch (RuntimeException e) {
                    failedStart = new IllegalStateException("The local DAO did not start" + tails(List.of(
                            home.resolve("logs").resolve("app.log"), home.resolve("logs").resolve("gateway.log")), 150), e);
                    throw failedStart;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** The last lines of the app's and the gateway's logs, so a CI failure can be diagnosed. */
    String logTails(int lines) {
        return tails(List.of(Path.of(system.logs().app()), Path.of(system.logs().gateway())), lines);
    }

    private static String tails(List<Path> logs, int lines) {
        StringBuilder out = new StringBuilder();
        for (Path log : logs) {
            out.append("\n===== last ").append(lines).append(" lines of ").append(log).append(" =====\n");
            try {
                List<String> all = Files.readAllLines(log);
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(line -> out.append(line).append('\n'));
            } catch (IOException | RuntimeException e) {
                out.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    /** Distinct free ports: all sockets are held open until every port is chosen. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
