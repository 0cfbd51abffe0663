package org.modeldao.gateway.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Resolves the client's address before security and the API read it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ClientAddressProperties.class)
class ClientAddressConfiguration {

    @Bean
    FilterRegistrationBean<ClientAddressFilter> clientAddress(ClientAddressProperties properties) {
        var registration = new FilterRegistrationBean<>(new ClientAddressFilter(properties.trustedProxies()));
        // after the lean infer path and the body-size limit, long before Spring Security (-100)
        registration.setOrder(InferEndpointConfiguration.ORDER + 2);
        return registration;
    }
}
