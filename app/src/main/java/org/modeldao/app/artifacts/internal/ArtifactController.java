package org.modeldao.app.artifacts.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Optional;
import org.modeldao.app.artifacts.ArtifactService;
import org.modeldao.app.artifacts.InvalidArtifact;
import org.modeldao.app.artifacts.ModelSignature;
import org.modeldao.app.artifacts.Sha256;
import org.modeldao.app.artifacts.StoredArtifact;
import org.modeldao.app.artifacts.UploadForbidden;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Serves stored artifacts at stable URLs ({@code /artifacts/<sha256>}: immutable, cacheable
 * forever) and takes uploads for admins ({@code POST /api/artifacts?sha256=<expected>&kind=model|card}):
 * a model must be an ONNX graph ONNX Runtime can load (the answer carries its inputs and
 * outputs), a card a JSON object; anything else is refused with 400 and nothing is stored.
 */
@RestController
class ArtifactController {

    private final ArtifactService artifacts;

    ArtifactController(ArtifactService artifacts) {
        this.artifacts = artifacts;
    }

    @GetMapping("/artifacts/{sha256}")
    ResponseEntity<InputStreamResource> download(@PathVariable String sha256) {
        Sha256 hash = Sha256.parse(sha256);
        long size = artifacts.sizeOf(hash.hex());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(size)
                .eTag("\"" + hash.hex() + "\"")
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Sha256", hash.hex())
                .body(new InputStreamResource(artifacts.open(hash.hex())));
    }

    @PostMapping(path = "/api/artifacts", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<Uploaded> upload(@RequestParam(name = "sha256", required = false) String expected,
            @RequestParam(name = "kind", defaultValue = "model") String kind, HttpServletRequest request) throws java.io.IOException {
        // checked here rather than by annotation, so it holds whatever method security is enabled
        if (!request.isUserInRole("ADMIN")) {
            throw new UploadForbidden();
        }
        Uploaded uploaded = switch (kind) {
            case "model" -> Uploaded.of(artifacts.storeModel(request.getInputStream(), Optional.ofNullable(expected)));
            case "card" -> Uploaded.of(artifacts.storeCard(request.getInputStream(), Optional.ofNullable(expected)));
            default -> throw new InvalidArtifact("kind must be 'model' (an ONNX file) or 'card' (a model card JSON file), not '"
                    + kind.replaceAll("\\p{Cntrl}", "?").substring(0, Math.min(kind.length(), 40)) + "'");
        };
        return ResponseEntity.status(HttpStatus.CREATED).body(uploaded);
    }

    /** The answer to an upload: where it is stored and, for a model, the signature ONNX Runtime read from it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Uploaded(Sha256 sha256, long sizeBytes, String url, ModelSignature signature) {

        static Uploaded of(StoredArtifact stored) {
            return new Uploaded(stored.sha256(), stored.sizeBytes(), stored.url(), null);
        }

        static Uploaded of(ArtifactService.StoredModel model) {
            StoredArtifact stored = model.stored();
            return new Uploaded(stored.sha256(), stored.sizeBytes(), stored.url(), model.signature());
        }
    }
}
