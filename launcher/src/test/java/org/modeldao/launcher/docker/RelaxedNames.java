package org.modeldao.launcher.docker;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Spring Boot's relaxed binding from environment variables, reduced to a comparable form:
 * {@code GATEWAY_CHAIN_DEPLOYMENTFILE} and {@code gateway.chain.deployment-file} both become
 * {@code gateway.chain.deploymentfile}. Underscores separate levels and dashes vanish, so
 * {@code GATEWAY_CHAIN_DEPLOYMENT_FILE} does NOT match (Spring would not bind it either).
 * Numeric segments ({@code _0_}, {@code [0]}) are list indexes and are dropped.
 */
final class RelaxedNames {

    private RelaxedNames() {
    }

    static String fromEnvironmentVariable(String name) {
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("_"))
                .filter(segment -> !segment.isEmpty() && !segment.chars().allMatch(Character::isDigit))
                .collect(Collectors.joining("."));
    }

    static String fromProperty(String name) {
        return Arrays.stream(name.replaceAll("\\[\\d+]", "").toLowerCase(Locale.ROOT).replace("-", "").split("\\."))
                .filter(segment -> !segment.isEmpty())
                .collect(Collectors.joining("."));
    }

    /** camelCase record component → kebab-case property segment. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
