package org.modeldao.gateway.verification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.ApprovedVersion;

/**
 * Run in a JVM of its own, with a heap far smaller than the artifact, by {@link LargeArtifactHeapTest}:
 * verifies the artifact (hash only, then hash and private copy) and prints each result.
 * Arguments: artifact file, its sha256, card file, its sha256, where to write the copy.
 */
final class LargeArtifactVerification {

    private LargeArtifactVerification() {
    }

    public static void main(String[] args) throws Exception {
        Path artifact = Path.of(args[0]);
        Path card = Path.of(args[2]);
        Path copy = Path.of(args[4]);
        // the heap cap must be real, or the test proves nothing: a byte[] of the artifact must not fit
        try {
            byte[] whole = new byte[Math.toIntExact(Files.size(artifact))];
            System.out.println("heap cap ineffective: a " + whole.length + "-byte array fitted");
        } catch (OutOfMemoryError expected) {
            System.out.println("heap cap holds: the artifact does not fit in " + Runtime.getRuntime().maxMemory() + " bytes");
        }
        ApprovedVersion version = ApprovedVersion.approved("large", "1", args[1], artifact.toUri().toString(), args[3],
                card.toUri().toString(), "onnx", Approval.NONE);
        ArtifactVerifier verifier = new ArtifactVerifier(new ArtifactFetcher(Files.size(artifact), Duration.ofMinutes(3),
                new SourcePolicy(true, List.of())));

        System.out.println("verify: " + verifier.verify(version).getClass().getSimpleName());
        System.out.println("verifyInto: " + verifier.verifyInto(version, copy).getClass().getSimpleName()
                + ", copy of " + Files.size(copy) + " bytes");
    }
}
