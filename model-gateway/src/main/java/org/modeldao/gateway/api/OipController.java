package org.modeldao.gateway.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.modeldao.gateway.inference.InferenceCall;
import org.modeldao.gateway.inference.InferenceService;
import org.modeldao.gateway.oip.ModelDirectory;
import org.modeldao.gateway.oip.ServerReadiness;
import org.modeldao.gateway.serving.ServingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Open Inference Protocol v2 REST endpoints: a thin adapter over the inference core. */
@RestController
@RequestMapping(path = "/v2", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Open Inference Protocol v2")
class OipController {

    private final InferenceService inference;
    private final ModelDirectory directory;
    private final ProvenanceJson provenance;

    OipController(InferenceService inference, ModelDirectory directory, JsonMapper json) {
        this.inference = inference;
        this.directory = directory;
        this.provenance = new ProvenanceJson(json);
    }

    @GetMapping
    @Operation(summary = "Server metadata")
    OipDtos.ServerMetadata server() {
        return new OipDtos.ServerMetadata(ModelDirectory.SERVER_NAME, ModelDirectory.SERVER_VERSION, List.of());
    }

    @GetMapping("/health/live")
    OipDtos.Live live() {
        return new OipDtos.Live(true);
    }

    @GetMapping("/health/ready")
    @Operation(summary = "Ready (200) once the approved set is known and loaded; status 'degraded' off-chain")
    ResponseEntity<ServerReadiness> ready() {
        ServerReadiness readiness = directory.serverReadiness();
        return ResponseEntity.status(readiness.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(readiness);
    }

    @GetMapping({"/models/{model}", "/models/{model}/versions/{version}"})
    @Operation(summary = "Model metadata: inputs, outputs, approving proposal, artifact hash, state")
    ResponseEntity<Object> metadata(@PathVariable String model, @PathVariable(required = false) String version) {
        try {
            return ResponseEntity.ok(directory.metadata(model, version));
        } catch (ServingException e) {
            return Responses.unservable(e);
        }
    }

    @GetMapping({"/models/{model}/ready", "/models/{model}/versions/{version}/ready"})
    ResponseEntity<Object> modelReady(@PathVariable String model, @PathVariable(required = false) String version) {
        try {
            return ResponseEntity.ok(new OipDtos.ModelReady(model, directory.ready(model, version)));
        } catch (ServingException e) {
            return Responses.unservable(e);
        }
    }

    @PostMapping(path = {"/models/{model}/infer", "/models/{model}/versions/{version}/infer"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Inference, under the DAO's access policy and ethical constraints")
    ResponseEntity<Object> infer(@PathVariable String model, @PathVariable(required = false) String version,
            @RequestBody OipDtos.InferRequest body, Authentication authentication, HttpServletRequest request) {
        InferenceCall call = InferTranslation.call(model, version, body, CallerResolver.resolve(authentication, request));
        request.setAttribute(InferEndpoint.REACHED_THE_PIPELINE, Boolean.TRUE);
        return InferTranslation.answer(inference.infer(call), body.id(), provenance);
    }
}
