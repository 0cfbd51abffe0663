package org.modeldao.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RefusalCategoryTest {

    private static final Path MAIN = Path.of("src/main/java/org/modeldao/gateway");

    @Test
    void each_reason_belongs_to_the_kind_of_rule_a_member_would_name() {
        assertThat(RefusalCategory.of("token_required")).isEqualTo(RefusalCategory.ACCESS_POLICY);
        assertThat(RefusalCategory.of("batch_too_large")).isEqualTo(RefusalCategory.ACCESS_POLICY);
        assertThat(RefusalCategory.of("address_rate_limited")).isEqualTo(RefusalCategory.RATE_LIMIT);
        assertThat(RefusalCategory.of("constraint_ALLOWED_PURPOSES")).isEqualTo(RefusalCategory.ETHICAL_CONSTRAINT);
        assertThat(RefusalCategory.of("invalid_input")).isEqualTo(RefusalCategory.VALIDATION);
        assertThat(RefusalCategory.of("votes_unavailable")).isEqualTo(RefusalCategory.UNAVAILABLE);
        assertThat(RefusalCategory.of("non_finite_output")).isEqualTo(RefusalCategory.MODEL_FAILURE);
        assertThat(RefusalCategory.of("invalid_token")).isEqualTo(RefusalCategory.ACCESS_POLICY);
        assertThat(RefusalCategory.of("malformed_request")).isEqualTo(RefusalCategory.VALIDATION);
        assertThat(RefusalCategory.of("body_too_large")).isEqualTo(RefusalCategory.VALIDATION);
    }

    /**
     * The reasons are string literals where each refusal is decided (the access policy's refusals, the serving
     * states, the inference pipeline's): a new one that no category lists fails here, instead of being counted
     * as "unavailable" unseen.
     */
    @Test
    void every_reason_the_gateway_counts_is_listed_in_a_category() throws IOException {
        List<String> reasons = Stream.concat(
                literals(MAIN.resolve("policy/AccessPolicyEnforcer.java"), "(?:refuse|Refused)\\(\\d+, \"([a-z_]+)\""),
                Stream.of("-> \"([a-z_]+)\";", "String [A-Z_]+ = \"([a-z_]+)\";", "refusal\\(call, [^,]+, [^,]+, \"([a-z_]+)\"")
                        .flatMap(regex -> literals(MAIN.resolve("inference/InferenceService.java"), regex)))
                .filter(reason -> !reason.equals("unknown") && !reason.equals("current")).toList();

        assertThat(reasons).contains("token_required", "rate_limited", "address_rate_limited", "votes_unavailable",
                "not_found", "engine_failure", "non_finite_output", "invalid_input", "invalid_token", "malformed_request",
                "body_too_large");
        assertThat(reasons).allSatisfy(reason -> assertThat(RefusalCategory.listed(reason)).as(reason).isTrue());
        assertThat(Files.readString(MAIN.resolve("inference/InferenceService.java")))
                .contains("\"" + RefusalCategory.CONSTRAINT_PREFIX + "\" + violation.constraint().kind()");
    }

    private static Stream<String> literals(Path source, String regex) {
        Matcher matcher;
        try {
            matcher = Pattern.compile(regex).matcher(Files.readString(source));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Stream.Builder<String> found = Stream.builder();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found.build();
    }
}
