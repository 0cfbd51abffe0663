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
        applyJvmSettings();
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "verify-decisions" -> System.exit(runCommand(args,
                    context -> VerifyDecisionsCommand.run(context.getBean(DecisionChainVerifier.class))));
            case "archive-decisions" -> System.exit(runCommand(args,
                    context -> ArchiveDecisionsCommand.run(context.getBean(DecisionArchiver.class))));
            default -> SpringApplication.run(GatewayApplication.class, args);
        }
    }

    /**
     * The JVM-wide settings the gateway runs with, to be applied before DJL or H2 is loaded (what
     * starts the gateway in-process, like the benches, calls this too).
     * <ul>
     *   <li>{@code ai.djl.offline=true}, always: DJL phones home at engine start unless told not to,
     *       and no traffic may leave the machine.
     *   <li>{@code h2.objectCache=false}, unless the operator set it: H2 keeps one JVM-wide cache of
     *       recent values, worth it when queries meet the same values again. The decision log (the
     *       gateway's only H2 use) appends, and each entry's hashes are new: hashing and storing every
     *       value into that cache was about a seventh of the decision writer's CPU per entry
     *       (docs/benchmarks.md, the decision writer).
     * </ul>
     */
    public static void applyJvmSettings() {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
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
