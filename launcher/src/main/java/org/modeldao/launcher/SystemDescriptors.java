package org.modeldao.launcher;

import java.time.Instant;
import java.util.stream.IntStream;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.launcher.report.DemoRequest;
import org.modeldao.launcher.report.SystemDescriptor;
import org.modeldao.launcher.seed.DemoDao;
import org.modeldao.launcher.services.ServiceProcess;

/** Assembles the descriptor of a running local DAO. */
final class SystemDescriptors {

    private SystemDescriptors() {
    }

    static SystemDescriptor of(LocalDaoSettings settings, DevChain chain, DemoDao dao, ServiceProcess app,
            ServiceProcess gateway, Instant readyAt, long startupMillis) {
        String gatewayUrl = settings.gatewayUrl();
        DeploymentDescriptor deployment = dao.deployment();
        return new SystemDescriptor(
                new SystemDescriptor.Urls(settings.appUrl(), gatewayUrl, gatewayUrl + "/swagger-ui.html",
                        gatewayUrl + "/v3/api-docs", gatewayUrl + "/actuator/prometheus",
                        DemoRequest.inferUrl(gatewayUrl, dao.model())),
                chain.chainId(), chain.rpcUrl(),
                new SystemDescriptor.Contracts(deployment.token(), deployment.governor(), deployment.timelock(),
                        deployment.registry()),
                deployment.deploymentBlock(),
                settings.deploymentFile().toString(),
                settings.artifactsDirectory().toString(),
                new SystemDescriptor.Logs(app.logFile().toString(), gateway.logFile().toString()),
                new SystemDescriptor.DemoModel(dao.model(), dao.servedVersion(), dao.pendingVersion(),
                        dao.approvalProposalId(), dao.policyProposalId(), dao.allowedPurposes(), DemoRequest.BODY),
                IntStream.range(0, dao.members().size()).mapToObj(i -> new SystemDescriptor.Account(
                        dao.members().get(i).getAddress(), dao.votes().get(i),
                        "0x" + dao.members().get(i).getEcKeyPair().getPrivateKey().toString(16))).toList(),
                readyAt, startupMillis);
    }
}
