package org.modeldao.gateway.api;

import java.nio.charset.StandardCharsets;
import org.modeldao.gateway.GatewayProperties;
import org.modeldao.gateway.tokens.TokenCallers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint is reachable without a token (public models need none); a bearer token, when
 * sent, must verify against the governance app's JWKS, else 401. Which models need which
 * caller is the voted access policy's business, decided per call in the core.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> { }).authenticationEntryPoint(jsonEntryPoint()));
        return http.build();
    }

    private static AuthenticationEntryPoint jsonEntryPoint() {
        return (request, response, e) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"error\":\"" + TokenCallers.invalidTokenMessage(e.getMessage()) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(GatewayProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.maxRequestBytes()));
        // right after the lean infer path, which applies the same limit to what it answers
        registration.setOrder(InferEndpointConfiguration.ORDER + 1);
        return registration;
    }
}
