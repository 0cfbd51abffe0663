package org.modeldao.gateway.serving;

import java.util.Optional;

/** Open Inference Protocol datatypes the gateway can carry into and out of a model. */
public enum DataType {
    FP32, FP64, INT32, INT64, BYTES;

    public static Optional<DataType> parse(String name) {
        for (DataType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public boolean numeric() {
        return this != BYTES;
    }
}
