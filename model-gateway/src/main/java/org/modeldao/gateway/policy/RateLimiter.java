package org.modeldao.gateway.policy;

/** Requests per minute per caller and model, as a token bucket. */
public interface RateLimiter {

    /** @return 0 when the call may proceed, else seconds until it may be retried */
    long tryAcquire(String key, int requestsPerMinute);

    /** The bucket of one caller on one model; implementations may avoid building the combined key. */
    default long tryAcquire(String model, String callerKey, int requestsPerMinute) {
        return tryAcquire(model + "|" + callerKey, requestsPerMinute);
    }
}
