package org.modeldao.gateway.api;

import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The HTTP port runs on Tomcat's NIO2 connector rather than its default NIO one. NIO hands each
 * request from its poller thread to a worker and, once answered, back to the poller, waking the
 * selector; NIO2 continues a connection from the read's completion. In gateway-vs-limit, with one
 * predictor per version, it served about a quarter more calls at 8 and 32 connections, at a fifth
 * less CPU per call, and as many at 1 connection (docs/benchmarks.md).
 *
 * <p>Requests still run on virtual threads, but on an executor the connector creates itself:
 * NIO2 shuts its executor down with the connector, so it must be the connector's alone — the one
 * Spring Boot hands over for {@code spring.threads.virtual.enabled} is replaced here (this
 * customizer runs after Boot's), which also keeps Tomcat's "requires an exclusive executor"
 * warning out of the log.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HttpConnectorConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> nio2Connector() {
        return factory -> {
            factory.setProtocol(Http11Nio2Protocol.class.getName());
            factory.addProtocolHandlerCustomizers(handler -> {
                handler.setExecutor(null); // the endpoint then creates its own, and owns it
                ((AbstractProtocol<?>) handler).setProperty("useVirtualThreads", "true");
            });
        };
    }
}
