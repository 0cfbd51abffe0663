package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints signed before the signer changed must stay the same bytes, and verify with the JDK. */
class CheckpointKeyTest {

    @TempDir
    Path dir;

    @Test
    void signatures_are_the_jdk_signers_bytes_for_the_same_seed_and_verify_with_the_jdk_verifier() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int round = 0; round < 20; round++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] message = DecisionCheckpoint.message(round + 1L, HexFormat.of().formatHex(seed), 1_700_000_000_000L + round);
            CheckpointKey key = CheckpointKey.loadOrCreate(HexFormat.of().formatHex(seed), dir.resolve("key-" + round));

            String signed = key.sign(message);

            assertThat(signed).isEqualTo(jdkSignature(seed, message));
            String publicKey = Files.readString(CheckpointKey.publicKeyFile(dir.resolve("key-" + round))).strip();
            assertThat(CheckpointKey.verify(publicKey, message, signed)).isTrue();
            message[message.length - 1] ^= 1;
            assertThat(CheckpointKey.verify(publicKey, message, signed)).isFalse();
        }
    }

    private static String jdkSignature(byte[] seed, byte[] message) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(generator.generateKeyPair().getPrivate());
        signer.update(message);
        return HexFormat.of().formatHex(signer.sign());
    }
}
