package org.modeldao.app;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Model DAO governance web app: sign-in with Ethereum, gateway tokens, proposals and votes. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ModelDaoApplication {

    public static void main(String[] args) {
        // The project rule for every JVM: no library may phone home (DJL checks this property).
        System.setProperty("ai.djl.offline", "true");
        SpringApplication.run(ModelDaoApplication.class, args);
    }

    /** One clock for the whole app, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
