package org.modeldao.gateway.api;

import org.modeldao.gateway.GatewayProperties;
import org.modeldao.gateway.inference.InferenceService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link InferEndpoint} ahead of every other filter: the body limit (next), the observation
 * filter, the client address and Spring Security all come after it, so a call it answers skips
 * them and a call it passes on meets each of them as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class InferEndpointConfiguration {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Bean
    FilterRegistrationBean<InferEndpoint> inferEndpoint(InferenceService inference, JwtDecoder tokens,
            ClientAddressProperties clientAddress, JsonMapper json, GatewayProperties properties) {
        var registration = new FilterRegistrationBean<>(new InferEndpoint(inference, tokens,
                new ClientAddressFilter(clientAddress.trustedProxies()), json, properties.maxRequestBytes()));
        registration.setOrder(ORDER);
        return registration;
    }
}
