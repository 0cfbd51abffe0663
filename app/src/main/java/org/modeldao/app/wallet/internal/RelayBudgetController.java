package org.modeldao.app.wallet.internal;

import org.modeldao.app.wallet.RelayBudget;
import org.modeldao.app.wallet.Relayer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What is left of the relayer's gas budget today (amounts in wei, as decimal strings). */
@RestController
class RelayBudgetController {

    private final Relayer relayer;

    RelayBudgetController(Relayer relayer) {
        this.relayer = relayer;
    }

    record Budget(boolean enabled, String capWei, String spentWei, String reservedWei, String remainingWei, long resetsInSeconds,
            String summary) {
    }

    @GetMapping("/api/relay/budget")
    Budget budget() {
        return relayer.budget().map(RelayBudgetController::of)
                .orElse(new Budget(false, "0", "0", "0", "0", 0, "Gasless relaying is off on this server."));
    }

    private static Budget of(RelayBudget.Status today) {
        return new Budget(true, today.capWei().toString(), today.spentWei().toString(), today.reservedWei().toString(),
                today.remainingWei().toString(), today.untilReset().toSeconds(), today.describe());
    }
}
