package org.modeldao.gateway.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the actuator endpoints other than health ({@code gateway.management.*}):
 * Prometheus metrics, info, metrics. Health stays open for load balancers and probes.
 *
 * @param allowedAddresses callers (IP addresses or CIDR networks) let in by address; default
 *     loopback only, which keeps {@code ./dao run}'s {@code /actuator/prometheus} working on this
 *     host. A request that came through a proxy not listed in {@code gateway.client-address.trusted-proxies}
 *     (it carries {@code X-Forwarded-For}, {@code Forwarded} or {@code X-Real-IP}) is never let in by address.
 * @param username with {@code password}, HTTP Basic credentials that let a scraper in from any address;
 *     empty (the default) = no credentials accepted
 * @param password the password in Spring Security's encoded form, e.g. {@code {bcrypt}$2a$...}
 *     ({@code {noop}secret} works but keeps it in clear text)
 */
@ConfigurationProperties("gateway.management")
public record ManagementProperties(@DefaultValue({"127.0.0.0/8", "::1"}) List<String> allowedAddresses,
        @DefaultValue("") String username, @DefaultValue("") String password) {

    boolean credentialsConfigured() {
        return !username.isBlank() && !password.isBlank();
    }
}
