package org.modeldao.app.base;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the actuator endpoints other than health ({@code modeldao.management.*}):
 * Prometheus metrics ({@code relayer_spent_wei}, the indexer's meters), info, metrics. Health stays
 * open for load balancers and probes. Same rules and names as the gateway's {@code gateway.management.*}.
 *
 * @param allowedAddresses callers (IP addresses or CIDR networks, as Spring Security's
 *     {@code IpAddressMatcher} reads them) let in by address; default loopback only. A request that
 *     still carries {@code X-Forwarded-For}, {@code Forwarded} or {@code X-Real-IP} (it came through a
 *     proxy not listed in {@code MODELDAO_TRUSTED_PROXIES}) is never let in by address.
 * @param username with {@code password}, HTTP Basic credentials that let a scraper in from any address;
 *     empty (the default) = no credentials accepted
 * @param password the password in Spring Security's encoded form, e.g. {@code {bcrypt}$2a$...}
 *     ({@code {noop}secret} works but keeps it in clear text)
 */
@ConfigurationProperties("modeldao.management")
public record ManagementProperties(@DefaultValue({"127.0.0.0/8", "::1"}) List<String> allowedAddresses,
        @DefaultValue("") String username, @DefaultValue("") String password) {

    public boolean credentialsConfigured() {
        return !username.isBlank() && !password.isBlank();
    }
}
