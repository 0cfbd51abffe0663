package org.modeldao.app.base;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actuator's own filter chain, ahead of the app's ({@link SecurityConfiguration}): health is
 * open; every other endpoint (prometheus, info, metrics) answers only callers from
 * {@link ManagementProperties#allowedAddresses()} (default loopback) or with the configured Basic
 * credentials, else 403 (401 when credentials are configured), in the API's {@link ApiError} form.
 * Mirrors the gateway's management security.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

    private static final List<String> PROXY_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain management(HttpSecurity http, ManagementProperties properties) throws Exception {
        List<IpAddressMatcher> allowed = properties.allowedAddresses().stream().filter(s -> !s.isBlank())
                .map(String::strip).map(IpAddressMatcher::new).toList();
        AuthorizationManager<RequestAuthorizationContext> access = (authentication, context) ->
                new AuthorizationDecision(authenticated(authentication.get()) || fromAllowedAddress(context.getRequest(), allowed));
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().access(access))
                .exceptionHandling(e -> e.authenticationEntryPoint(refusal(properties.credentialsConfigured()))
                        .accessDeniedHandler((request, response, denied) -> refusal(properties.credentialsConfigured())
                                .commence(request, response, null)));
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
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /**
     * By address only for direct callers (or callers Tomcat's RemoteIpValve resolved through a
     * trusted proxy, which removes the header): a request relayed by an untrusted proxy would
     * otherwise carry the proxy's (often loopback) address for a caller from anywhere.
     */
    static boolean fromAllowedAddress(HttpServletRequest request, List<IpAddressMatcher> allowed) {
        if (PROXY_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null)) {
            return false;
        }
        return allowed.stream().anyMatch(network -> network.matches(request.getRemoteAddr()));
    }

    private static AuthenticationEntryPoint refusal(boolean credentialsAccepted) {
        return (request, response, e) -> {
            response.setStatus(credentialsAccepted ? HttpStatus.UNAUTHORIZED.value() : HttpStatus.FORBIDDEN.value());
            if (credentialsAccepted) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"modeldao-management\"");
            }
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            JSON.writeValue(response.getOutputStream(), new ApiError("management_refused",
                    "Management endpoints answer only allowed addresses" + (credentialsAccepted ? " or the configured credentials" : "")
                            + " (modeldao.management.*); health is open."));
        };
    }
}
