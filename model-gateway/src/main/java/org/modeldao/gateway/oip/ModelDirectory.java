package org.modeldao.gateway.oip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.approval.ModelGovernance;
import org.modeldao.gateway.approval.SyncStatus;
import org.modeldao.gateway.approval.VersionKey;
import org.modeldao.gateway.decisions.DecisionLog;
import org.modeldao.gateway.decisions.DecisionWriterStatus;
import org.modeldao.gateway.oip.ModelMetadata.TensorMetadata;
import org.modeldao.gateway.serving.ServingException;
import org.modeldao.gateway.serving.ServingRegistry;
import org.modeldao.gateway.serving.TensorSpec;
import org.modeldao.gateway.serving.VersionState;
import org.modeldao.gateway.tokens.RevocationFeed;
import org.springframework.stereotype.Component;

/** Read side of the Open Inference Protocol, whatever the transport: model metadata, readiness, server health. */
@Component
public class ModelDirectory {

    public static final String PLATFORM = "onnxruntime_onnx";
    /** What the server metadata endpoints (REST {@code GET /v2}, gRPC ServerMetadata) call this server. */
    public static final String SERVER_NAME = "model-dao-gateway";
    public static final String SERVER_VERSION = "0.1.0";

    private final ServingRegistry registry;
    private final GovernanceState governance;
    private final DecisionLog decisions;
    private final RevocationFeed revocations;

    public ModelDirectory(ServingRegistry registry, GovernanceState governance, DecisionLog decisions, RevocationFeed revocations) {
        this.registry = registry;
        this.governance = governance;
        this.decisions = decisions;
        this.revocations = revocations;
    }

    /** Metadata of a version; {@code version} null = the current one. */
    public ModelMetadata metadata(String model, String version) throws ServingException {
        ModelGovernance governed = governance.current().model(model)
                .orElseThrow(() -> new ServingException.NotFound("unknown model " + model));
        String resolved = version != null ? version : registry.currentVersion(model).orElse(null);
        List<String> versions = governed.versions().keySet().stream().sorted().toList();
        if (resolved == null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("state", "no_current_version");
            Provenance.putGovernance(p, governed);
            return new ModelMetadata(model, versions, PLATFORM, List.of(), List.of(), p);
        }
        VersionState state = registry.state(new VersionKey(model, resolved))
                .orElseThrow(() -> new ServingException.NotFound("model " + model + " has no version " + version));
        Map<String, Object> p = Provenance.of(state.approved());
        p.put("state", state.name());
        Provenance.putGovernance(p, governed);
        return switch (state) {
            case VersionState.Ready ready -> new ModelMetadata(model, versions, PLATFORM,
                    tensors(ready.loaded().signature().inputs()), tensors(ready.loaded().signature().declaredOutputs()),
                    withLabels(p, ready.loaded().signature().labels()));
            case VersionState.Revoked revoked -> throw new ServingException.Revoked(
                    model + "/" + resolved + " was revoked by the DAO: " + revoked.approved().revocationReason(),
                    revoked.approved());
            case VersionState.Quarantined q -> {
                p.put("quarantine_reason", q.reason());
                yield new ModelMetadata(model, versions, PLATFORM, List.of(), List.of(), p);
            }
            case VersionState.Unavailable u -> {
                p.put("unavailable_reason", u.reason());
                yield new ModelMetadata(model, versions, PLATFORM, List.of(), List.of(), p);
            }
            case VersionState.Loading l -> new ModelMetadata(model, versions, PLATFORM, List.of(), List.of(), p);
        };
    }

    public boolean ready(String model, String version) throws ServingException {
        if (governance.current().model(model).isEmpty()) {
            throw new ServingException.NotFound("unknown model " + model);
        }
        String resolved = version != null ? version : registry.currentVersion(model).orElse(null);
        if (resolved == null) {
            return false;
        }
        Optional<VersionState> state = registry.state(new VersionKey(model, resolved));
        if (state.isEmpty()) {
            throw new ServingException.NotFound("model " + model + " has no version " + resolved);
        }
        return state.get() instanceof VersionState.Ready;
    }

    /** Ready once the approved set is known and nothing is still loading; degraded off-chain. */
    public ServerReadiness serverReadiness() {
        SyncStatus sync = governance.status();
        boolean known = governance.current().block() >= 0;
        boolean settled = registry.states().stream().noneMatch(s -> s instanceof VersionState.Loading);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("chain_reachable", sync.chainReachable());
        p.put("applied_block", sync.appliedBlock());
        p.put("chain_head", sync.chainHead());
        p.put("sync_lag_blocks", sync.lagBlocks());
        p.put("from_persisted_state", sync.fromPersistedState());
        p.put("loaded_versions", registry.readyCount());
        if (!sync.healthy()) {
            p.put("degraded_because", sync.lastError());
        }
        DecisionWriterStatus recording = decisions.status();
        p.put("decision_log_backlog", recording.backlog());
        if (recording.stalled()) {
            // a gateway that cannot record what it serves is not ready to serve
            p.put("not_ready_because", "decision writer stalled: " + recording.lastError());
        }
        // revoked tokens keep being refused from the last list received; new revocations wait for the feed
        RevocationFeed.Status feed = revocations.status();
        p.put("revocation_feed_reachable", feed.reachable());
        p.put("revoked_tokens", feed.revokedTokens());
        if (!feed.reachable()) {
            p.put("revocation_feed_error", feed.lastError());
            p.put("revocation_list_received_at", feed.lastSuccess() == null ? "never" : feed.lastSuccess().toString());
        }
        boolean healthy = sync.healthy() && feed.reachable();
        return new ServerReadiness(known && settled && !recording.stalled(), healthy ? "ok" : "degraded", p);
    }

    private static List<TensorMetadata> tensors(List<TensorSpec> specs) {
        return specs.stream().map(s -> new TensorMetadata(s.name(), s.datatype().name(), s.shape())).toList();
    }

    private static Map<String, Object> withLabels(Map<String, Object> p, List<String> labels) {
        if (!labels.isEmpty()) {
            p.put("labels", labels);
        }
        return p;
    }
}
