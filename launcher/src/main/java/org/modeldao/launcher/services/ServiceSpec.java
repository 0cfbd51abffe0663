package org.modeldao.launcher.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run one service: JVM options, what to launch ({@code -jar app.jar} or a classpath and
 * main class), Spring arguments ({@code --key=value}, which outrank every other configuration
 * source), environment, working folder and log file.
 */
public record ServiceSpec(String name, List<String> jvmOptions, List<String> launch, List<String> arguments,
        Map<String, String> environment, Path workingDirectory, Path logFile) {

    public ServiceSpec {
        jvmOptions = List.copyOf(jvmOptions);
        launch = List.copyOf(launch);
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }
}
