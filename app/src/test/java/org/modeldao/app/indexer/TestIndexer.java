package org.modeldao.app.indexer;

import java.time.Clock;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.modeldao.contracts.DeploymentDescriptor;
import org.web3j.protocol.Web3j;

/** An indexer for tests that wire the app's services by hand: each call catches the read model up once. */
public final class TestIndexer {

    private TestIndexer() {
    }

    public static IntSupplier catchingUp(Web3j web3j, DeploymentDescriptor deployment, DataSource readModel) {
        ChainIndexer indexer = new ChainIndexer(web3j, deployment, IndexerSettings.defaults(),
                IndexerStore.on(readModel, Clock.systemUTC()), event -> { },
                new org.modeldao.app.proposals.ActionCodec(deployment.registry()));
        return indexer::catchUp;
    }
}
