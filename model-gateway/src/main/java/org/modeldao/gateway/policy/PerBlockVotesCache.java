package org.modeldao.gateway.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigInteger;
import java.util.function.LongSupplier;

/**
 * Asks the chain at most once per account and block: votes can only change in a new block,
 * so within one block the cached answer is exact.
 */
public final class PerBlockVotesCache implements VotesLookup {

    private record Entry(long block, BigInteger votes) {}

    private final VotesLookup chain;
    private final LongSupplier currentBlock;
    /** Accounts are free to make: the cache is bounded, an evicted account is just asked again. */
    private static final int MAX_ACCOUNTS = 100_000;

    private final Cache<String, Entry> entries = Caffeine.newBuilder().maximumSize(MAX_ACCOUNTS).build();

    public PerBlockVotesCache(VotesLookup chain, LongSupplier currentBlock) {
        this.chain = chain;
        this.currentBlock = currentBlock;
    }

    @Override
    public BigInteger votesOf(String address) throws VotesUnavailableException {
        long block = currentBlock.getAsLong();
        Entry cached = entries.getIfPresent(address);
        if (cached != null && cached.block() == block) {
            return cached.votes();
        }
        BigInteger votes = chain.votesOf(address);
        entries.put(address, new Entry(block, votes));
        return votes;
    }
}
