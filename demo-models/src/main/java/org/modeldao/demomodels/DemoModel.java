package org.modeldao.demomodels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One demo model version shipped in this jar: its ONNX artifact and model card.
 *
 * @param name model name, e.g. {@code iris}
 * @param version version name, e.g. {@code 1}
 */
public record DemoModel(String name, String version) {

    public static final String ROOT = "org/modeldao/demomodels/";

    public String artifactResource() {
        return ROOT + name + "/" + version + "/model.onnx";
    }

    public String cardResource() {
        return ROOT + name + "/" + version + "/card.json";
    }

    public byte[] artifactBytes() {
        return read(artifactResource());
    }

    public byte[] cardBytes() {
        return read(cardResource());
    }

    /** Lower-case hex sha256 of the ONNX file, as the registry records it. */
    public String artifactSha256() {
        return sha256Hex(artifactBytes());
    }

    public String cardSha256() {
        return sha256Hex(cardBytes());
    }

    /** Writes artifact and card into {@code dir} as {@code <name>-<version>.onnx} and {@code .card.json}. */
    public WrittenFiles writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Path artifact = Files.write(dir.resolve(name + "-" + version + ".onnx"), artifactBytes());
            Path card = Files.write(dir.resolve(name + "-" + version + ".card.json"), cardBytes());
            return new WrittenFiles(artifact, card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@link #writeTo(Path)} put the two files. */
    public record WrittenFiles(Path artifact, Path card) {}

    static byte[] read(String resource) {
        try (InputStream in = Objects.requireNonNull(
                DemoModel.class.getClassLoader().getResourceAsStream(resource), () -> "missing resource " + resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
