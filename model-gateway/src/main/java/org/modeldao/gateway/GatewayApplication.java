package org.modeldao.gateway;

import java.time.Clock;
import java.util.Arrays;
import java.util.function.ToIntFunction;
import org.modeldao.gateway.decisions.ArchiveDecisionsCommand;
import org.modeldao.gateway.decisions.DecisionArchiver;
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
 * the decision log's chain and exit 0/1; {@code archive-decisions} = archive its old entries and exit 0/1. The benchmarks live in the {@code benchmarks} module.
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static void main(String[] args) throws Exception {
        // DJL phones home at engine start unless told not to: no traffic may leave the machine
        System.setProperty("ai.djl.offline", "true");
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "verify-decisions" -> System.exit(runCommand(args,
                    context -> VerifyDecisionsCommand.run(context.getBean(DecisionChainVerifier.class))));
            case "archive-decisions" -> System.exit(runCommand(args,
                    context -> ArchiveDecisionsCommand.run(context.getBean(DecisionArchiver.class))));
            default -> SpringApplication.run(GatewayApplication.class, args);
        }
    }

    /** A command needs no web server and no chain: only the decision log's database. */
    private static int runCommand(String[] args, ToIntFunction<ConfigurableApplicationContext> command) {
        String[] rest = Arrays.copyOf(Arrays.copyOfRange(args, 1, args.length), args.length);
        rest[args.length - 1] = "--gateway.chain.deployment-file=";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.NONE).run(rest)) {
            return command.applyAsInt(context);
        }
    }

    /** The one clock of the decision log, serving and the revocation feed. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
