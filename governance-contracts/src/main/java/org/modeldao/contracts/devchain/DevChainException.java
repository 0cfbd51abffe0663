package org.modeldao.contracts.devchain;

/** The dev chain could not be started, reached or told to travel in time. */
public class DevChainException extends RuntimeException {

    public DevChainException(String message) {
        super(message);
    }

    public DevChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
