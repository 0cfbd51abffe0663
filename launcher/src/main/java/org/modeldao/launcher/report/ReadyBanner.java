package org.modeldao.launcher.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lines a person needs once the DAO runs: where everything is and a request to try. */
public final class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private ReadyBanner() {
    }

    public static void print(SystemDescriptor system, String systemFile) {
        SystemDescriptor.Urls urls = system.urls();
        log.info("Model DAO is ready in {} ms", system.startupMillis());
        log.info("  governance app   {}", urls.app());
        log.info("  model gateway    {}/v2", urls.gateway());
        log.info("  Swagger UI       {}", urls.swaggerUi());
        log.info("  metrics          {}", urls.metrics());
        log.info("  JSON-RPC         {} (chain id {})", system.rpcUrl(), system.chainId());
        log.info("  governor {}  registry {}", system.contracts().governor(), system.contracts().registry());
        log.info("  logs             {} , {}", system.logs().app(), system.logs().gateway());
        log.info("  descriptor       {} (deployment: {})", systemFile, system.deploymentFile());
        SystemDescriptor.DemoModel demo = system.demoModel();
        log.info("  demo model       {} v{} approved and current (proposal {}); policy and constraint (proposal {});"
                        + " v{} published, not proposed", demo.name(), demo.servedVersion(), demo.approvalProposalId(),
                demo.policyProposalId(), demo.pendingVersion());
        for (int i = 0; i < system.accounts().size(); i++) {
            SystemDescriptor.Account account = system.accounts().get(i);
            log.info("  dev account {} {} {} votes, key {}{}", i, account.address(), account.votes(),
                    account.privateKey(), i == 0 ? " (admin)" : "");
        }
        log.info("Try the governed inference endpoint:\n\n{}\n", DemoRequest.curl(urls.gateway(), demo.name()));
        log.info("Press Ctrl-C to stop everything. The dev chain and the app's H2 database live in memory: a new run"
                + " starts a new chain and seeds it again; artifacts, gateway decision log and logs stay in {}.",
                java.nio.file.Path.of(systemFile).getParent());
    }
}
