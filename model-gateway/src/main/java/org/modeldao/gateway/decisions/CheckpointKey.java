package org.modeldao.gateway.decisions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's Ed25519 checkpoint key. The private key file holds the 32-byte seed in hex (mode
 * 600); the public key (32 bytes, hex) is written beside it as {@code <file>.pub} and logged.
 *
 * <p>Signing is Bouncy Castle's: Ed25519 is deterministic (RFC 8032), so its signatures are the
 * very bytes the JDK's would be, and they verify with the JDK's verifier ({@link #verify}); the
 * JDK's pure-Java signer took 0.73 ms a signature against 0.07 ms, and the writer signs up to
 * tens of checkpoints a second under load (gateway-vs-limit profile, docs/benchmarks.md).
 */
final class CheckpointKey {

    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);
    /** X.509 SubjectPublicKeyInfo prefix of a raw Ed25519 key (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final byte[] seed;
    private final KeyPair pair;

    private CheckpointKey(byte[] seed, KeyPair pair) {
        this.seed = seed.clone();
        this.pair = pair;
    }

    /** Reads the seed from {@code hexSeed} if given, else from the file, generating the file if absent. */
    static CheckpointKey loadOrCreate(String hexSeed, Path file) {
        try {
            byte[] seed;
            if (hexSeed != null && !hexSeed.isBlank()) {
                seed = HexFormat.of().parseHex(hexSeed.strip());
            } else if (Files.exists(file)) {
                seed = HexFormat.of().parseHex(Files.readString(file).strip());
            } else {
                seed = new byte[32];
                new SecureRandom().nextBytes(seed);
                Files.createDirectories(file.toAbsolutePath().getParent());
                createPrivate(file);
                Files.writeString(file, HexFormat.of().formatHex(seed) + "\n");
                log.info("generated the decision log checkpoint key {}", file);
            }
            CheckpointKey key = new CheckpointKey(seed, fromSeed(seed));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(publicKeyFile(file), key.publicKeyHex() + "\n");
            log.info("decision log checkpoints are signed with Ed25519 public key {}", key.publicKeyHex());
            return key;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("decision log checkpoint key " + file + " unusable: " + e.getMessage(), e);
        }
    }

    static Path publicKeyFile(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".pub");
    }

    String publicKeyHex() {
        byte[] encoded = pair.getPublic().getEncoded();
        return HexFormat.of().formatHex(encoded, X509_PREFIX.length, encoded.length);
    }

    String sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
        return HexFormat.of().formatHex(signature);
    }

    /** @return false for a malformed or wrong signature */
    static boolean verify(String publicKeyHex, byte[] message, String signatureHex) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(publicKeyHex));
            verifier.update(message);
            return verifier.verify(HexFormat.of().parseHex(signatureHex));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static PublicKey publicKey(String hex) throws GeneralSecurityException {
        byte[] raw = HexFormat.of().parseHex(hex.strip());
        byte[] encoded = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    /** The JDK derives an Ed25519 pair from the 32 bytes its generator draws: hand it the seed. */
    private static KeyPair fromSeed(byte[] seed) throws GeneralSecurityException {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return generator.generateKeyPair();
    }

    /** Owner-only from its creation on, never readable by others for a moment. */
    private static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("cannot restrict permissions of {} on this file system", file);
            Files.createFile(file);
        }
    }
}
