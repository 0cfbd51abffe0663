package org.modeldao.gateway.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits the gateway adds to the voted ones ({@code gateway.rate-limit.*}).
 *
 * @param callersPerAddress on a public model with a voted rate, one network address may make at
 *     most this many callers' worth of calls per minute (voted rate × this), however many tokens
 *     it presents; 0 = no per-address limit
 * @param maxLocalBuckets most buckets the in-process limiter keeps (one per caller or address and
 *     model seen within the last minute); beyond it the least useful are dropped
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("4") int callersPerAddress,
        @DefaultValue("100000") int maxLocalBuckets) {

    public static final int DEFAULT_CALLERS_PER_ADDRESS = 4;
    public static final int DEFAULT_MAX_LOCAL_BUCKETS = 100_000;

    public RateLimitProperties {
        if (callersPerAddress < 0 || maxLocalBuckets < 1) {
            throw new IllegalArgumentException("gateway.rate-limit: callers-per-address must be >= 0 and"
                    + " max-local-buckets >= 1");
        }
    }
}
