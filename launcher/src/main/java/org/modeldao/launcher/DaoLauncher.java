package org.modeldao.launcher;

import java.util.concurrent.CountDownLatch;
import org.modeldao.launcher.report.ReadyBanner;
import org.modeldao.launcher.report.SystemDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./dao run}: starts the {@link LocalDao} (dev chain with the seeded demo DAO, app,
 * gateway), prints where everything is, and runs until Ctrl-C, which stops every process.
 */
public final class DaoLauncher {

    private static final Logger log = LoggerFactory.getLogger(DaoLauncher.class);

    private DaoLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("ai.djl.offline", "true");
        LocalDaoSettings settings = LocalDaoSettings.fromSystemProperties();
        LocalDao dao = new LocalDao(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the gateway, the app and the dev chain");
            dao.close();
            stopped.countDown();
        }, "dao-shutdown"));
        SystemDescriptor system;
        try {
            system = dao.start();
        } catch (RuntimeException e) {
            log.error("The Model DAO did not start: {}", e.getMessage());
            throw e;
        }
        ReadyBanner.print(system, settings.systemFile().toString());
        log.info("App and gateway listen on {} only (-Dmodeldao.bind-address=... to change; the dev chain stays on 127.0.0.1)",
                settings.bindAddress());
        dao.databases().forEach(database -> log.info("  PostgreSQL database of this run: {}", database));
        stopped.await();
    }
}
