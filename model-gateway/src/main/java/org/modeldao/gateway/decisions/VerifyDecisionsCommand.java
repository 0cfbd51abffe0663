package org.modeldao.gateway.decisions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code verify-audit} command: re-computes the audit chain and names the first broken link. */
public final class VerifyDecisionsCommand {

    private static final Logger log = LoggerFactory.getLogger(VerifyDecisionsCommand.class);

    private VerifyDecisionsCommand() {}

    /** @return the process exit code: 0 intact, 1 broken */
    public static int run(DecisionChainVerifier verifier) {
        DecisionChainVerifier.Result result = verifier.verify();
        if (result.intact()) {
            log.info("audit chain intact: {} entries", result.entries());
            return 0;
        }
        log.error("audit chain BROKEN at entry {}: {} ({} entries read)", result.firstBrokenSeq(), result.problem(),
                result.entries());
        return 1;
    }
}
