package org.modeldao.gateway.policy;

import java.math.BigInteger;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.gateway.approval.AccessPolicy;

/**
 * Applies a model's voted access policy to one call: who may call, how large a batch, how
 * often. Expected refusals are values, not exceptions.
 */
public final class AccessPolicyEnforcer {

    private final VotesLookup votes;
    private final RateLimiter rateLimiter;
    private final int callersPerAddress;

    public AccessPolicyEnforcer(VotesLookup votes, RateLimiter rateLimiter) {
        this(votes, rateLimiter, RateLimitProperties.DEFAULT_CALLERS_PER_ADDRESS);
    }

    /** @param callersPerAddress see {@link RateLimitProperties#callersPerAddress()}; 0 = no per-address limit */
    public AccessPolicyEnforcer(VotesLookup votes, RateLimiter rateLimiter, int callersPerAddress) {
        this.votes = votes;
        this.rateLimiter = rateLimiter;
        this.callersPerAddress = callersPerAddress;
    }

    public AccessDecision check(Caller caller, String model, AccessPolicy policy, long batchSize) {
        switch (policy.kind()) {
            case PUBLIC -> { }
            case TOKEN_HOLDERS -> {
                if (!caller.authenticated()) {
                    return refuse(401, "token_required", "model " + model + " is for token holders: send a bearer token",
                            policy);
                }
                BigInteger held;
                try {
                    held = votes.votesOf(caller.address());
                } catch (VotesLookup.VotesUnavailableException e) {
                    return new AccessDecision.Refused(503, "votes_unavailable",
                            "cannot read voting power from the chain: " + e.getMessage(), policy.kind().name(),
                            policy.approval().proposalId(), 5);
                }
                if (held.compareTo(policy.minVotes()) < 0) {
                    return refuse(403, "insufficient_votes", caller.address() + " has " + held + " votes; model " + model
                            + " requires " + policy.minVotes(), policy);
                }
            }
            case ALLOW_LIST -> {
                if (!caller.authenticated()) {
                    return refuse(401, "token_required", "model " + model + " is allow-listed: send a bearer token", policy);
                }
                if (!policy.allowList().contains(caller.address())) {
                    return refuse(403, "not_allow_listed", caller.address() + " is not on the allow-list of " + model,
                            policy);
                }
            }
        }
        if (batchSize > policy.maxBatchSize()) {
            return refuse(413, "batch_too_large", "batch of " + batchSize + " exceeds the voted maximum of "
                    + policy.maxBatchSize(), policy);
        }
        if (!policy.rateLimited()) {
            return AccessDecision.ALLOWED;
        }
        long retryAfter = rateLimiter.tryAcquire(model, caller.rateKey(), policy.requestsPerMinute());
        if (retryAfter > 0) {
            return new AccessDecision.Refused(429, "rate_limited", caller.describe() + " exceeded "
                    + policy.requestsPerMinute() + " requests per minute on " + model, policy.kind().name(),
                    policy.approval().proposalId(), retryAfter);
        }
        return perAddress(caller, model, policy);
    }

    /**
     * On a public model anyone can be a fresh caller (a new token, a new account), so the
     * network address the calls come from is limited too: to a few callers' worth of the voted rate.
     * An anonymous caller's own bucket already is its address's (one voted rate), so only callers
     * with a token take the second bucket — the common anonymous call pays for one lookup, not two.
     */
    private AccessDecision perAddress(Caller caller, String model, AccessPolicy policy) {
        if (policy.kind() != PolicyKind.PUBLIC || callersPerAddress == 0 || caller.networkKey() == null
                || !caller.authenticated()) {
            return AccessDecision.ALLOWED;
        }
        int limit = (int) Math.min((long) policy.requestsPerMinute() * callersPerAddress, Integer.MAX_VALUE - 1L);
        long retryAfter = rateLimiter.tryAcquire(model, caller.networkKey(), limit);
        if (retryAfter > 0) {
            return new AccessDecision.Refused(429, "address_rate_limited", "network address "
                    + caller.networkKey().substring(4) + " exceeded " + limit + " requests per minute on " + model
                    + " (" + callersPerAddress + " callers' worth of the voted " + policy.requestsPerMinute() + ")",
                    policy.kind().name(), policy.approval().proposalId(), retryAfter);
        }
        return AccessDecision.ALLOWED;
    }

    private static AccessDecision refuse(int status, String reason, String message, AccessPolicy policy) {
        return new AccessDecision.Refused(status, reason, message, policy.kind().name(), policy.approval().proposalId(), 0);
    }
}
