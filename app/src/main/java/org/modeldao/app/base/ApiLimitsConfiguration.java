package org.modeldao.app.base;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The API's body size limit, ahead of every other filter (security included): an oversized body is refused unread. */
@Configuration(proxyBeanMethods = false)
class ApiLimitsConfiguration {

    @Bean
    FilterRegistrationBean<ApiBodyLimit> apiBodyLimit(ApiProperties properties) {
        FilterRegistrationBean<ApiBodyLimit> registration = new FilterRegistrationBean<>(new ApiBodyLimit(properties));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
