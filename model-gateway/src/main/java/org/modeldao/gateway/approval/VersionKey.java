package org.modeldao.gateway.approval;

/** Identifies one version of one model. */
public record VersionKey(String model, String version) {

    @Override
    public String toString() {
        return model + "/" + version;
    }
}
