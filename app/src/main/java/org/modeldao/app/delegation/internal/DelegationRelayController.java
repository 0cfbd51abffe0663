package org.modeldao.app.delegation.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigInteger;
import org.modeldao.app.delegation.DelegationService;
import org.modeldao.app.delegation.SignedDelegation;
import org.modeldao.app.wallet.RelayOutcome;
import org.modeldao.app.wallet.RelayRefused;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gasless delegation over HTTP for signed-in sessions: the body is the EIP-712 {@code Delegation}
 * and its signature. Refusals as for ballots: 422, 429 with Retry-After, 503.
 */
@RestController
class DelegationRelayController {

    private final DelegationService delegation;

    DelegationRelayController(DelegationService delegation) {
        this.delegation = delegation;
    }

    record DelegationRequest(@NotNull @Pattern(regexp = "0x[0-9a-fA-F]{40}") String delegator,
            @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{40}") String delegatee,
            @NotNull @Pattern(regexp = "[0-9]{1,77}") String nonce,
            @PositiveOrZero long expiry,
            @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{130}") String signature) {
    }

    record Relayed(String transactionHash, long blockNumber) {
    }

    @PostMapping(path = "/api/relay/delegations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Relayed relay(@Valid @RequestBody DelegationRequest request, HttpServletRequest http) {
        SignedDelegation signed = new SignedDelegation(request.delegator(), request.delegatee(), new BigInteger(request.nonce()),
                request.expiry(), request.signature());
        return switch (delegation.relay(signed, http.getRemoteAddr())) {
            case RelayOutcome.Relayed r -> new Relayed(r.transactionHash(), r.blockNumber());
            case RelayOutcome.Refused refused -> throw new RelayRefused(refused);
        };
    }
}
