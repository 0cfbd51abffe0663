package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.app.chain.ChainDeployment;
import org.modeldao.app.chain.ContractSignatures;
import org.modeldao.app.chain.VotingPower;

class SignInServiceTest {

    @Test
    void refuses_to_start_with_a_statement_the_eip_4361_grammar_does_not_allow() {
        IdentityProperties properties = new IdentityProperties("", Duration.ofMinutes(10), Duration.ofMinutes(1),
                "Sign in to \"the\" DAO", List.of(), null);

        assertThatThrownBy(() -> new SignInService(null, address -> VotingPower.none(), null, properties, new SignInLimits(null, null, null, null, null, null),
                new ChainDeployment(31337, "http://127.0.0.1:8545", null), ContractSignatures.NONE, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("modeldao.identity.statement");
    }
}
