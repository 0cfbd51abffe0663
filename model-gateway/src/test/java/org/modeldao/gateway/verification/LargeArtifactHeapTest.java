package org.modeldao.gateway.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An artifact is hashed as it streams, never held whole: a JVM with a 64 MB heap verifies a
 * 300 MB artifact (a sparse file, cheap on disk until copied) and writes its private copy. A
 * verifier that read the file into a byte[] fails here with OutOfMemoryError.
 */
class LargeArtifactHeapTest {

    private static final long ARTIFACT_BYTES = 300L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void an_artifact_far_larger_than_the_heap_is_verified_and_copied() throws Exception {
        Path artifact = dir.resolve("large.onnx");
        try (RandomAccessFile file = new RandomAccessFile(artifact.toFile(), "rw")) {
            file.setLength(ARTIFACT_BYTES);
            file.seek(ARTIFACT_BYTES - 16);
            file.write("the voted bytes.".getBytes(StandardCharsets.US_ASCII)); // the last bytes count too
        }
        Path card = Files.writeString(dir.resolve("card.json"), "{\"model\": \"large\", \"version\": \"1\"}");
        Path copy = dir.resolve("copy.onnx");

        String text = runChild(artifact, sha256Of(artifact), card, sha256Of(card), copy);

        assertThat(text).contains("heap cap holds", "verify: Verified",
                "verifyInto: Verified, copy of " + ARTIFACT_BYTES + " bytes");
        assertThat(sha256Of(copy)).isEqualTo(sha256Of(artifact));
    }

    private String runChild(Path artifact, String artifactSha256, Path card, String cardSha256, Path copy) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path output = dir.resolve("child.log");
        Process process = new ProcessBuilder(javaBin.toString(), "-Xmx64m", "-cp", classPath,
                LargeArtifactVerification.class.getName(), artifact.toString(), artifactSha256, card.toString(), cardSha256,
                copy.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 3 minutes: " + Files.readString(output));
        }
        String text = Files.readString(output);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    private static String sha256Of(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
