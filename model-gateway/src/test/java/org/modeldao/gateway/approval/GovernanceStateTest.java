package org.modeldao.gateway.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GovernanceStateTest {

    @Test
    void a_listener_subscribing_after_a_restore_still_receives_the_restored_snapshot() {
        GovernanceState state = new GovernanceState();
        GovernanceSnapshot restored = new GovernanceSnapshot(68, Map.of());
        state.publish(restored); // the sync restored the persisted set before serving subscribed

        List<GovernanceSnapshot> seen = new ArrayList<>();
        state.onChange(seen::add);
        GovernanceSnapshot next = new GovernanceSnapshot(69, Map.of());
        state.publish(next);

        assertThat(seen).containsExactly(restored, next);
    }

    @Test
    void nothing_is_replayed_before_anything_was_published() {
        GovernanceState state = new GovernanceState();
        List<GovernanceSnapshot> seen = new ArrayList<>();
        state.onChange(seen::add);
        assertThat(seen).isEmpty();
    }
}
