package org.modeldao.gateway.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.gateway.approval.AccessPolicy;
import org.modeldao.gateway.constraints.ConstraintPlan;

class VersionPlanTest {

    final VersionPlan plan = new VersionPlan(AccessPolicy.DEFAULT, ConstraintPlan.of(List.of()), "passed; purpose ", null);

    @Test
    void the_served_detail_names_the_purpose_of_each_call_whatever_came_before() {
        for (int i = 0; i < 3; i++) {
            assertThat(plan.servedDecisionDetail("research")).isEqualTo("passed; purpose research");
            assertThat(plan.servedDecisionDetail(new String("research"))).isEqualTo("passed; purpose research");
            assertThat(plan.servedDecisionDetail("education")).isEqualTo("passed; purpose education");
            assertThat(plan.servedDecisionDetail(null)).isEqualTo("passed; purpose null");
        }
        assertThat(plan.servedDecisionDetail("research")).isSameAs(plan.servedDecisionDetail(new String("research")));
    }

    @Test
    void purposes_beyond_the_cached_few_are_still_named_exactly() {
        for (int i = 0; i < 100; i++) {
            assertThat(plan.servedDecisionDetail("p" + i)).isEqualTo("passed; purpose p" + i);
            assertThat(plan.servedDecisionDetail("research")).isEqualTo("passed; purpose research");
        }
    }
}
