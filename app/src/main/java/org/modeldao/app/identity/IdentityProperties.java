package org.modeldao.app.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings.
 *
 * @param publicOrigin origin browsers use (https://dao.example.org); empty = taken from each request
 * @param nonceTtl how long an issued nonce may be used
 * @param allowedClockSkew tolerance for wallet clocks running ahead
 * @param statement the statement line of the messages this app writes
 * @param adminAddresses accounts that get the ADMIN role
 * @param roleRefreshInterval how often a signed-in session's voting power and roles are read again
 *        from the chain (on its next request), so delegations made after sign-in count
 */
@ConfigurationProperties("modeldao.identity")
public record IdentityProperties(String publicOrigin, Duration nonceTtl, Duration allowedClockSkew, String statement,
        List<String> adminAddresses, Duration roleRefreshInterval) {

    public IdentityProperties {
        publicOrigin = publicOrigin == null ? "" : publicOrigin.trim();
        nonceTtl = nonceTtl == null ? Duration.ofMinutes(10) : nonceTtl;
        allowedClockSkew = allowedClockSkew == null ? Duration.ofMinutes(1) : allowedClockSkew;
        statement = statement == null || statement.isBlank() ? null : statement;
        adminAddresses = adminAddresses == null ? List.of() : List.copyOf(adminAddresses);
        roleRefreshInterval = roleRefreshInterval == null ? Duration.ofSeconds(10) : roleRefreshInterval;
    }
}
