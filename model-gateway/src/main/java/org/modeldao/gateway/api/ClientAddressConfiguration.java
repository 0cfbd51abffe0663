package org.modeldao.gateway.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Resolves the client's address before security and the API read it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ClientAddressProperties.class)
class ClientAddressConfiguration {

    @Bean
    FilterRegistrationBean<ClientAddressFilter> clientAddress(ClientAddressProperties properties) {
        var registration = new FilterRegistrationBean<>(new ClientAddressFilter(properties.trustedProxies()));
        // after the body-size limit (HIGHEST_PRECEDENCE), long before Spring Security (-100)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
