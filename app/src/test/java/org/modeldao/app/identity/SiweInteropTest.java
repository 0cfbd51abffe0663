package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Messages written and signed by other SIWE libraries (viem 2.57, Spruce siwe 3.0 + ethers 6.17,
 * generated once with node from Hardhat's public dev key #2; see src/test/resources/siwe/) are
 * accepted as they are.
 */
class SiweInteropTest {

    record Vector(String library, String message, String signature, String address) {
        @Override
        public String toString() {
            return library;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        try (InputStream in = SiweInteropTest.class.getResourceAsStream("/siwe/other-libraries.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            return List.copyOf(root.valueStream()
                    .map(v -> new Vector(v.get("library").asString(), v.get("message").asString(),
                            v.get("signature").asString(), v.get("address").asString()))
                    .toList()).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void accepts_a_message_made_and_signed_by_another_library(Vector vector) {
        SiweVerifier verifier = new SiweVerifier(Clock.fixed(Instant.parse("2026-11-25T12:01:00Z"), ZoneOffset.UTC), Duration.ofMinutes(1));

        SiweMessage verified = verifier.verify(vector.message(), vector.signature(), new SiteOrigin("http", "localhost:8080"), 31337);

        assertThat(verified.address()).isEqualTo(vector.address());
        assertThat(verified.nonce()).isNotBlank();
    }
}
