package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modeldao.app.indexer.IndexerFixture.version;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.readmodel.ModelVersionView;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.readmodel.RegistryReadModel;
import org.modeldao.contracts.ProposalState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app with the indexer wired by Spring: it follows the dev chain, fills the read model
 * the services query, and publishes the events views push on.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:indexer-app-it;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "modeldao.indexer.poll-interval=100ms"})
@DirtiesContext // its dev chain stops after the class: the context (and its indexer loop) must not outlive it
class IndexerApplicationIT {

    private static IndexerFixture dao;

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) throws Exception {
        dao = IndexerFixture.start();
        Path descriptor = Files.createTempFile("indexer-it-", ".json");
        dao.deployment.write(descriptor);
        registry.add("modeldao.chain.deployment-file", descriptor::toString);
    }

    @AfterAll
    static void stop() {
        dao.close();
    }

    @Autowired
    ProposalReadModel proposals;
    @Autowired
    RegistryReadModel registry;
    @Autowired
    Recorder recorder;

    @Test
    void an_executed_proposal_reaches_the_read_model_and_is_announced_to_listeners() throws Exception {
        var passed = dao.pass("Approve app-model 1", dao.registryActions.approveVersion(version("app-model", "1")));

        await(() -> recorder.events.contains(new ProposalChanged(passed.proposalId(), passed.execution().getBlockNumber().longValueExact())));

        assertThat(proposals.proposal(passed.proposalId()).orElseThrow().summary().state()).isEqualTo(ProposalState.EXECUTED);
        assertThat(registry.versionsOf("app-model")).extracting(ModelVersionView::approvedByProposal).containsExactly(passed.proposalId());
        assertThat(recorder.events).filteredOn(ChainIndexed.class::isInstance).isNotEmpty();
        assertThat(proposals.indexedHead().block()).isGreaterThanOrEqualTo(passed.execution().getBlockNumber().longValueExact());
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

    @TestConfiguration
    static class Listeners {
        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    static class Recorder {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ChainIndexed event) {
            events.add(event);
        }

        @EventListener
        void on(ProposalChanged event) {
            events.add(event);
        }
    }
}
