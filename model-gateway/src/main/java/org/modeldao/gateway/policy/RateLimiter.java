package org.modeldao.gateway.policy;

/** Requests per minute per caller and model, as a token bucket. */
public interface RateLimiter {

    /** @return 0 when the call may proceed, else seconds until it may be retried */
    long tryAcquire(String key, int requestsPerMinute);
}
