package org.modeldao.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Entry point of the inference gateway. */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static void main(String[] args) {
        // DJL phones home at engine start unless told not to: no traffic may leave the machine
        System.setProperty("ai.djl.offline", "true");
        SpringApplication.run(GatewayApplication.class, args);
    }
}
