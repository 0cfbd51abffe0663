package org.modeldao.gateway;

import java.util.Arrays;
import org.modeldao.gateway.decisions.DecisionChainVerifier;
import org.modeldao.gateway.decisions.VerifyDecisionsCommand;
import org.modeldao.gateway.bench.GatewayBench;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of the inference gateway. Commands: none = serve; {@code verify-audit} = check
 * the audit chain and exit 0/1; {@code bench [iterations] [core]} = print the benchmark figures
 * ({@code bench-client} is one of its HTTP client processes).
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static void main(String[] args) throws Exception {
        // DJL phones home at engine start unless told not to: no traffic may leave the machine
        System.setProperty("ai.djl.offline", "true");
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "verify-audit" -> {
                // no web server and no chain: only the audit database is needed
                String[] rest = Arrays.copyOf(Arrays.copyOfRange(args, 1, args.length), args.length);
                rest[args.length - 1] = "--gateway.chain.deployment-file=";
                ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                        .web(WebApplicationType.NONE).run(rest);
                int exit = VerifyDecisionsCommand.run(context.getBean(DecisionChainVerifier.class));
                context.close();
                System.exit(exit);
            }
            case "bench" -> GatewayBench.run(args);
            case GatewayBench.CLIENT_COMMAND -> GatewayBench.runClient(args);
            default -> SpringApplication.run(GatewayApplication.class, args);
        }
    }
}
