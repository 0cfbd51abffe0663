package org.modeldao.gateway;

import java.time.Clock;
import java.util.Arrays;
import org.modeldao.gateway.decisions.DecisionChainVerifier;
import org.modeldao.gateway.decisions.VerifyDecisionsCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Entry point of the inference gateway. Commands: none = serve; {@code verify-decisions} = check
 * the decision log's chain and exit 0/1. The benchmarks live in the {@code benchmarks} module.
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static void main(String[] args) throws Exception {
        // DJL phones home at engine start unless told not to: no traffic may leave the machine
        System.setProperty("ai.djl.offline", "true");
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "verify-decisions" -> {
                // no web server and no chain: only the decision log's database is needed
                String[] rest = Arrays.copyOf(Arrays.copyOfRange(args, 1, args.length), args.length);
                rest[args.length - 1] = "--gateway.chain.deployment-file=";
                ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                        .web(WebApplicationType.NONE).run(rest);
                int exit = VerifyDecisionsCommand.run(context.getBean(DecisionChainVerifier.class));
                context.close();
                System.exit(exit);
            }
            default -> SpringApplication.run(GatewayApplication.class, args);
        }
    }

    /** The one clock of the decision log, serving and the revocation feed. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
