package org.modeldao.app.artifacts.internal;

import java.time.Duration;
import java.util.Optional;
import org.modeldao.app.artifacts.ArtifactService;
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
 * forever) and takes uploads for admins ({@code POST /api/artifacts?sha256=<expected>}).
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
    ResponseEntity<StoredArtifact> upload(@RequestParam(name = "sha256", required = false) String expected,
            HttpServletRequest request) throws java.io.IOException {
        // checked here rather than by annotation, so it holds whatever method security is enabled
        if (!request.isUserInRole("ADMIN")) {
            throw new UploadForbidden();
        }
        StoredArtifact stored = artifacts.store(request.getInputStream(), Optional.ofNullable(expected));
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }
}
