package org.modeldao.app.chain;

import org.modeldao.app.chain.ChainUnavailable;

/** A call to the node; failures become {@link ChainUnavailable} with what was being attempted. */
@FunctionalInterface
public interface ChainCall<T> {

    T run() throws Exception;

    static <T> T attempt(String what, ChainCall<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainUnavailable("Could not " + what + ": " + e.getMessage(), e);
        }
    }
}
