package org.modeldao.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.AccessPolicy;
import org.modeldao.gateway.approval.Approval;

class AccessPolicyEnforcerTest {

    static final String HOLDER = "0x00000000000000000000000000000000000000aa";
    final AtomicInteger chainCalls = new AtomicInteger();
    final VotesLookup chain = address -> {
        chainCalls.incrementAndGet();
        return HOLDER.equals(address) ? BigInteger.valueOf(500) : BigInteger.ONE;
    };

    static AccessPolicy policy(PolicyKind kind, long minVotes, int perMinute, List<String> allowList) {
        return new AccessPolicy(kind, BigInteger.valueOf(minVotes), perMinute, 4, allowList,
                new Approval("42", "0x1", 3));
    }

    AccessPolicyEnforcer enforcer() {
        return new AccessPolicyEnforcer(chain, new LocalRateLimiter());
    }

    @Test
    void public_models_admit_anonymous_callers_up_to_the_rate() {
        AccessPolicyEnforcer enforcer = enforcer();
        AccessPolicy policy = policy(PolicyKind.PUBLIC, 0, 2, List.of());
        Caller anonymous = Caller.anonymous("10.0.0.1");
        assertThat(enforcer.check(anonymous, "m", policy, 1)).isEqualTo(AccessDecision.ALLOWED);
        assertThat(enforcer.check(anonymous, "m", policy, 1)).isEqualTo(AccessDecision.ALLOWED);
        assertThat(enforcer.check(anonymous, "m", policy, 1))
                .isInstanceOfSatisfying(AccessDecision.Refused.class, r -> {
                    assertThat(r.status()).isEqualTo(429);
                    assertThat(r.proposalId()).isEqualTo("42");
                    assertThat(r.retryAfterSeconds()).isPositive();
                });
        assertThat(enforcer.check(Caller.anonymous("10.0.0.2"), "m", policy, 1)).isEqualTo(AccessDecision.ALLOWED);
    }

    @Test
    void a_policy_without_a_rate_limit_keeps_no_bucket_while_a_limited_one_does() {
        LocalRateLimiter limiter = new LocalRateLimiter();
        AccessPolicyEnforcer enforcer = new AccessPolicyEnforcer(chain, limiter);
        AccessPolicy unlimited = policy(PolicyKind.PUBLIC, 0, AccessPolicy.NO_RATE_LIMIT, List.of());
        for (int i = 0; i < 1000; i++) {
            assertThat(enforcer.check(Caller.anonymous("10.0.0." + i % 7), "m", unlimited, 1))
                    .isEqualTo(AccessDecision.ALLOWED);
        }
        assertThat(limiter.bucketCount()).isZero();
        AccessPolicy limited = policy(PolicyKind.PUBLIC, 0, AccessPolicy.NO_RATE_LIMIT - 1, List.of());
        assertThat(enforcer.check(Caller.anonymous("10.0.0.1"), "m", limited, 1)).isEqualTo(AccessDecision.ALLOWED);
        assertThat(limiter.bucketCount()).as("an anonymous caller's own bucket is its address's: one").isEqualTo(1);
        // the batch limit still applies without a rate limit
        assertThat(((AccessDecision.Refused) enforcer.check(Caller.anonymous("10.0.0.1"), "m", unlimited, 5)).status())
                .isEqualTo(413);
    }

    @Test
    void token_holder_models_compare_voting_power_with_the_voted_minimum() {
        AccessPolicy policy = policy(PolicyKind.TOKEN_HOLDERS, 100, 100, List.of());
        AccessPolicyEnforcer enforcer = enforcer();
        assertThat(((AccessDecision.Refused) enforcer.check(Caller.anonymous("x"), "m", policy, 1)).status())
                .isEqualTo(401);
        assertThat(enforcer.check(Caller.account(HOLDER), "m", policy, 1)).isEqualTo(AccessDecision.ALLOWED);
        assertThat(((AccessDecision.Refused) enforcer.check(Caller.account("0x" + "1".repeat(40)), "m", policy, 1))
                .reason()).isEqualTo("insufficient_votes");
    }

    @Test
    void votes_are_asked_from_the_chain_once_per_block() throws Exception {
        long[] block = {10};
        PerBlockVotesCache cache = new PerBlockVotesCache(chain, () -> block[0]);
        cache.votesOf(HOLDER);
        cache.votesOf(HOLDER);
        assertThat(chainCalls).hasValue(1);
        block[0] = 11;
        cache.votesOf(HOLDER);
        assertThat(chainCalls).hasValue(2);
    }

    @Test
    void allow_lists_and_batch_limits_refuse_with_the_policy_named() {
        AccessPolicy policy = policy(PolicyKind.ALLOW_LIST, 0, 100, List.of(HOLDER.toUpperCase().replace("0X", "0x")));
        AccessPolicyEnforcer enforcer = enforcer();
        assertThat(enforcer.check(Caller.account(HOLDER), "m", policy, 4)).isEqualTo(AccessDecision.ALLOWED);
        AccessDecision.Refused batch = (AccessDecision.Refused) enforcer.check(Caller.account(HOLDER), "m", policy, 5);
        assertThat(batch.status()).isEqualTo(413);
        AccessDecision.Refused stranger = (AccessDecision.Refused) enforcer.check(Caller.account("0x" + "2".repeat(40)),
                "m", policy, 1);
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.policy()).isEqualTo("ALLOW_LIST");
    }

    @Test
    void an_unreachable_chain_refuses_token_holder_calls_with_503_not_a_hang() {
        AccessPolicyEnforcer enforcer = new AccessPolicyEnforcer(address -> {
            throw new VotesLookup.VotesUnavailableException("connection refused", null);
        }, new LocalRateLimiter());
        AccessDecision.Refused refused = (AccessDecision.Refused) enforcer.check(Caller.account(HOLDER), "m",
                policy(PolicyKind.TOKEN_HOLDERS, 1, 10, List.of()), 1);
        assertThat(refused.status()).isEqualTo(503);
    }

    @Test
    void an_anonymous_caller_is_held_to_its_own_address_bucket_and_leaves_the_per_address_one_to_token_holders() {
        AccessPolicyEnforcer enforcer = new AccessPolicyEnforcer(a -> BigInteger.ZERO, new LocalRateLimiter(), 3);
        AccessPolicy twoPerMinute = GovernanceFixture.policy(PolicyKind.PUBLIC, 0, 2, 8, List.of(), "5");
        int anonymous = 0;
        for (int i = 0; i < 10; i++) {
            if (enforcer.check(Caller.anonymous("10.1.1.1"), "m", twoPerMinute, 1) == AccessDecision.ALLOWED) {
                anonymous++;
            }
        }
        int withTokens = 0;
        for (int i = 0; i < 100; i++) {
            if (enforcer.check(Caller.account("0x" + String.format("%040x", i), "10.1.1.1"), "m", twoPerMinute, 1)
                    == AccessDecision.ALLOWED) {
                withTokens++;
            }
        }
        assertThat(anonymous).as("the voted rate, in the anonymous caller's own (address) bucket").isEqualTo(2);
        assertThat(withTokens).as("3 callers' worth of 2 a minute for fresh tokens from that address").isEqualTo(6);
    }

    @Test
    void fresh_accounts_from_one_address_share_the_per_address_limit_on_public_models() {
        AccessPolicyEnforcer enforcer = new AccessPolicyEnforcer(a -> BigInteger.ZERO, new LocalRateLimiter(), 3);
        AccessPolicy twoPerMinute = GovernanceFixture.policy(PolicyKind.PUBLIC, 0, 2, 8, List.of(), "5");
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            Caller fresh = Caller.account("0x" + String.format("%040x", i), "10.1.1.1");
            if (enforcer.check(fresh, "m", twoPerMinute, 1) == AccessDecision.ALLOWED) {
                allowed++;
            }
        }
        assertThat(allowed).as("3 callers' worth of 2 a minute").isEqualTo(6);
        AccessDecision.Refused refused = (AccessDecision.Refused) enforcer.check(
                Caller.account("0x" + "9".repeat(40), "10.1.1.1"), "m", twoPerMinute, 1);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.reason()).isEqualTo("address_rate_limited");
        assertThat(refused.message()).contains("10.1.1.1").contains("6 requests per minute");
        assertThat(enforcer.check(Caller.account("0x" + "9".repeat(40), "10.1.1.2"), "m", twoPerMinute, 1))
                .as("another address has a bucket of its own").isEqualTo(AccessDecision.ALLOWED);
    }
}
