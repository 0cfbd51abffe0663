package org.modeldao.app.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What an unauthenticated client may cost the app before it signed anything.
 *
 * @param noncesPerClient nonces one client address may ask for per {@code period}
 * @param verificationsPerClient sign-in attempts one client address may post per {@code period}
 * @param period the window of both limits
 * @param trackedClients client addresses remembered for the limits (least recently seen forgotten first)
 * @param maxOutstandingNonces unexpired nonces the table may hold at once; above it new ones are refused
 * @param purgeInterval how often expired nonces are deleted
 */
@ConfigurationProperties("modeldao.identity.limits")
public record SignInLimits(Integer noncesPerClient, Integer verificationsPerClient, Duration period, Integer trackedClients,
        Integer maxOutstandingNonces, Duration purgeInterval) {

    public SignInLimits {
        noncesPerClient = noncesPerClient == null ? 20 : noncesPerClient;
        verificationsPerClient = verificationsPerClient == null ? 30 : verificationsPerClient;
        period = period == null ? Duration.ofMinutes(1) : period;
        trackedClients = trackedClients == null ? 10_000 : trackedClients;
        maxOutstandingNonces = maxOutstandingNonces == null ? 10_000 : maxOutstandingNonces;
        purgeInterval = purgeInterval == null ? Duration.ofMinutes(1) : purgeInterval;
    }
}
