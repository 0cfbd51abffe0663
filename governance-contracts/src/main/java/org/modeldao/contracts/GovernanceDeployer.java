package org.modeldao.contracts;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * Deploys the DAO to any JSON-RPC node: token, timelock, governor and registry, then wires
 * the roles so that only executed proposals can change anything.
 *
 * <p>Roles after deployment: the governor is the timelock's only proposer and canceller,
 * anyone may execute a ready operation, the timelock owns the registry and administers
 * itself, and the deployer keeps no role at all (it renounces the timelock admin role last).
 */
public final class GovernanceDeployer {

    private static final Logger log = LoggerFactory.getLogger(GovernanceDeployer.class);
    private static final String ANYONE = "0x0000000000000000000000000000000000000000";

    private final Web3j web3j;
    private final String rpcUrl;
    private final long chainId;
    private final Duration receiptPolling;
    private final Clock clock;

    public GovernanceDeployer(Web3j web3j, String rpcUrl, long chainId, Duration receiptPolling) {
        this(web3j, rpcUrl, chainId, receiptPolling, Clock.systemUTC());
    }

    GovernanceDeployer(Web3j web3j, String rpcUrl, long chainId, Duration receiptPolling, Clock clock) {
        this.web3j = web3j;
        this.rpcUrl = rpcUrl;
        this.chainId = chainId;
        this.receiptPolling = receiptPolling;
        this.clock = clock;
    }

    public DeploymentDescriptor deploy(Credentials deployer, DeploymentSettings settings) {
        try {
            return deployOrThrow(deployer, settings);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DeploymentFailedException("deployment to " + rpcUrl + " failed: " + e.getMessage(), e);
        }
    }

    private DeploymentDescriptor deployOrThrow(Credentials deployer, DeploymentSettings settings) throws Exception {
        TransactionManager tx = Transactions.signer(web3j, deployer, chainId, receiptPolling);
        ContractGasProvider gas = Transactions.gasFromNode(web3j);
        long startBlock = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();

        GovernanceToken token = GovernanceToken.deploy(web3j, tx, gas, settings.tokenName(), settings.tokenSymbol(),
                settings.allocations().stream().map(DeploymentSettings.Allocation::holder).toList(),
                settings.allocations().stream().map(DeploymentSettings.Allocation::amount).toList()).send();
        ModelDaoTimelock timelock = ModelDaoTimelock.deploy(web3j, tx, gas,
                BigInteger.valueOf(settings.timelockDelay().toSeconds()), List.of(), List.of(ANYONE),
                deployer.getAddress()).send();
        ModelDaoGovernor governor = ModelDaoGovernor.deploy(web3j, tx, gas, token.getContractAddress(),
                timelock.getContractAddress(), BigInteger.valueOf(settings.votingDelayBlocks()),
                BigInteger.valueOf(settings.votingPeriodBlocks()), settings.proposalThreshold(),
                BigInteger.valueOf(settings.quorumPercent()),
                BigInteger.valueOf(settings.lateQuorumExtensionBlocks())).send();
        ModelRegistry registry = ModelRegistry.deploy(web3j, tx, gas, timelock.getContractAddress()).send();

        timelock.grantRole(timelock.PROPOSER_ROLE().send(), governor.getContractAddress()).send();
        timelock.grantRole(timelock.CANCELLER_ROLE().send(), governor.getContractAddress()).send();
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE().send(), deployer.getAddress()).send();

        DeploymentDescriptor descriptor = new DeploymentDescriptor(chainId, rpcUrl, token.getContractAddress(),
                timelock.getContractAddress(), governor.getContractAddress(), registry.getContractAddress(),
                startBlock, clock.instant());
        log.info("Deployed the model DAO on chain {}: governor {}, registry {}", chainId, descriptor.governor(),
                descriptor.registry());
        return descriptor;
    }

    /** A deployment transaction failed or the node could not be reached. */
    public static class DeploymentFailedException extends RuntimeException {
        public DeploymentFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
