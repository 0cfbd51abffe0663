package org.modeldao.gateway.policy;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Asks the chain at most once per account and block: votes can only change in a new block,
 * so within one block the cached answer is exact.
 */
public final class PerBlockVotesCache implements VotesLookup {

    private record Entry(long block, BigInteger votes) {}

    private final VotesLookup chain;
    private final LongSupplier currentBlock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public PerBlockVotesCache(VotesLookup chain, LongSupplier currentBlock) {
        this.chain = chain;
        this.currentBlock = currentBlock;
    }

    @Override
    public BigInteger votesOf(String address) throws VotesUnavailableException {
        long block = currentBlock.getAsLong();
        Entry cached = entries.get(address);
        if (cached != null && cached.block() == block) {
            return cached.votes();
        }
        BigInteger votes = chain.votesOf(address);
        entries.put(address, new Entry(block, votes));
        return votes;
    }
}
