package org.modeldao.app.voting.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigInteger;
import java.util.Locale;
import org.modeldao.app.wallet.RelayOutcome;
import org.modeldao.app.wallet.RelayRefused;
import org.modeldao.app.voting.Ballot;
import org.modeldao.app.voting.VoteService;
import org.modeldao.contracts.VoteType;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gasless votes over HTTP for signed-in sessions: the body is the EIP-712 ballot and its
 * signature. Refusals: 422 {@code relay_refused}, 429 {@code relay_quota_exceeded} /
 * {@code relayer_budget_exhausted} with Retry-After, 503 {@code relayer_off}.
 */
@RestController
class BallotRelayController {

    private final VoteService votes;

    BallotRelayController(VoteService votes) {
        this.votes = votes;
    }

    /**
     * The reason's length is checked by the service (with the limit the vote form has), so a
     * client hears the same message as a member; the bound here only caps what is parsed.
     */
    record BallotRequest(@NotNull @Pattern(regexp = "[0-9]{1,78}") String proposalId,
            @NotNull @Pattern(regexp = "(?i)for|against|abstain") String support,
            @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{40}") String voter,
            @Size(max = 20_000) String reason,
            @NotNull @Pattern(regexp = "[0-9]{1,78}") String nonce,
            @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{130}") String signature) {
    }

    record Relayed(String transactionHash, long blockNumber) {
    }

    @PostMapping(path = "/api/relay/ballots", consumes = MediaType.APPLICATION_JSON_VALUE)
    Relayed relay(@Valid @RequestBody BallotRequest request, HttpServletRequest http) {
        Ballot ballot = new Ballot(uint256(request.proposalId(), "proposalId"), VoteType.valueOf(request.support().toUpperCase(Locale.ROOT)),
                request.voter(), request.reason(), uint256(request.nonce(), "nonce"));
        RelayOutcome outcome = votes.relay(ballot, request.signature(), http.getRemoteAddr());
        return switch (outcome) {
            case RelayOutcome.Relayed r -> new Relayed(r.transactionHash(), r.blockNumber());
            case RelayOutcome.Refused refused -> throw new RelayRefused(refused);
        };
    }

    private static BigInteger uint256(String digits, String field) {
        BigInteger value = new BigInteger(digits);
        if (value.bitLength() > 256) {
            throw new RelayRefused(new RelayOutcome.Refused(field + " does not fit in 256 bits."));
        }
        return value;
    }
}
