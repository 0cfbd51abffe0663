package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modeldao.app.indexer.IndexerFixture.version;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.modeldao.app.readmodel.ModelVersionView;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.readmodel.RegistryReadModel;
import org.modeldao.app.support.AppOnDevChain;
import org.modeldao.app.support.DevChainFixture;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.devchain.DevGovernance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The whole app (the shared context on the shared dev chain) with the indexer wired by Spring: it
 * follows the chain, fills the read model the services query, and publishes the events views push on.
 */
class IndexerApplicationIT extends AppOnDevChain {

    @Autowired
    ProposalReadModel proposals;
    @Autowired
    RegistryReadModel registry;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void an_executed_proposal_reaches_the_read_model_and_is_announced_to_listeners() throws Exception {
        List<Object> events = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<Object>> listener = event -> events.add(event.getPayload());
        context.addApplicationListener(listener);
        DevChainFixture dev = DevChainFixture.shared();
        String model = "app-model-" + System.nanoTime();
        GovernanceProposal proposal = new GovernanceProposal(
                List.of(new RegistryActions(dev.deployment().registry()).approveVersion(version(model, "1"))), "Approve " + model);
        var passed = new DevGovernance(dev.chain(), dev.deployment()).pass(dev.proposer(), List.of(dev.proposer()), proposal);
        long executedAt = passed.execution().getBlockNumber().longValueExact();

        await(() -> events.contains(new ProposalChanged(passed.proposalId(), executedAt)));

        assertThat(proposals.proposal(passed.proposalId()).orElseThrow().summary().state()).isEqualTo(ProposalState.EXECUTED);
        assertThat(registry.versionsOf(model)).extracting(ModelVersionView::approvedByProposal).containsExactly(passed.proposalId());
        assertThat(events).filteredOn(ChainIndexed.class::isInstance).isNotEmpty();
        assertThat(proposals.indexedHead().block()).isGreaterThanOrEqualTo(executedAt);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not indexed within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
