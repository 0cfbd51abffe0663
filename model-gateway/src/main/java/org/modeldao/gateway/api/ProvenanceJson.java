package org.modeldao.gateway.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.oip.Provenance;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * A served answer's {@code parameters} ({@link Provenance#of}) as JSON, written once per version:
 * every answer of a version carries the same map, and building and writing it per call was 3.5 %
 * of a call at 32 connections (gateway-vs-limit profile, docs/benchmarks.md). Bounded: at most
 * {@value #MAX_VERSIONS} versions, those least asked for leaving first (a version is only answered
 * once the registry approved it, so the keys are the chain's, not a caller's).
 */
final class ProvenanceJson {

    static final int MAX_VERSIONS = 1024;

    private final JsonMapper json;
    private final Cache<ApprovedVersion, RawValue> written = Caffeine.newBuilder().maximumSize(MAX_VERSIONS).build();

    ProvenanceJson(JsonMapper json) {
        this.json = json;
    }

    /** What the answer writes as its {@code parameters}: the same bytes {@code Provenance.of(version)} serializes to. */
    RawValue of(ApprovedVersion version) {
        // a SerializedString keeps its UTF-8 bytes: each answer copies them instead of encoding the text again
        // (the 32-connection profile of 2026-12-07 had that encoding at 3.4 % of the gateway's samples)
        return written.get(version, v -> new RawValue(new SerializedString(json.writeValueAsString(Provenance.of(v)))));
    }
}
