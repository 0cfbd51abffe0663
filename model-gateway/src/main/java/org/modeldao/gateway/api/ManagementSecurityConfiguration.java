package org.modeldao.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.modeldao.gateway.net.IpLiterals;
import org.modeldao.gateway.net.IpNetwork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The actuator's own security, ahead of the API's chain: health is open; every other endpoint
 * (Prometheus, info, metrics) answers only callers from {@link ManagementProperties#allowedAddresses}
 * (default loopback) or with the configured Basic credentials, else 403 (401 when credentials
 * are configured). On a separate {@code management.server.port} the same rules apply.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ManagementProperties.class)
class ManagementSecurityConfiguration {

    private static final String[] PROXY_HEADERS = {ClientAddressFilter.FORWARDED_FOR, "Forwarded", "X-Real-IP"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain management(HttpSecurity http, ManagementProperties properties) throws Exception {
        IpNetwork[] allowed = properties.allowedAddresses().stream().filter(s -> !s.isBlank()).map(IpNetwork::parse)
                .toArray(IpNetwork[]::new);
        AuthorizationManager<RequestAuthorizationContext> access = (authentication, context) ->
                new AuthorizationDecision(authenticated(authentication.get())
                        || fromAllowedAddress(context.getRequest(), allowed));
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().access(access))
                .exceptionHandling(e -> e.authenticationEntryPoint(refusal(properties.credentialsConfigured())));
        if (properties.credentialsConfigured()) {
            DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                    User.withUsername(properties.username()).password(properties.password()).roles("METRICS").build()));
            provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
            http.authenticationManager(new ProviderManager(provider))
                    .httpBasic(basic -> basic.authenticationEntryPoint(refusal(true)));
        }
        return http.build();
    }

    private static boolean authenticated(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /**
     * By address only for direct callers: a request relayed by a proxy that is not trusted would
     * otherwise carry the proxy's (often loopback) address for a caller from anywhere.
     */
    static boolean fromAllowedAddress(HttpServletRequest request, IpNetwork[] allowed) {
        if (request.getAttribute(ClientAddressFilter.RESOLVED_BY_TRUSTED_PROXY) == null) {
            for (String header : PROXY_HEADERS) {
                if (request.getHeader(header) != null) {
                    return false;
                }
            }
        }
        return IpNetwork.anyContains(allowed, IpLiterals.parse(request.getRemoteAddr()));
    }

    private static AuthenticationEntryPoint refusal(boolean credentialsAccepted) {
        return (request, response, e) -> {
            response.setStatus(credentialsAccepted ? 401 : 403);
            if (credentialsAccepted) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"gateway-management\"");
            }
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"error\":\"management endpoints answer only allowed addresses"
                    + (credentialsAccepted ? " or the configured credentials" : "")
                    + " (gateway.management.*); health is open\"}").getBytes(StandardCharsets.UTF_8));
        };
    }
}
