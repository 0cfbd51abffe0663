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
            assertThat(plan.servedAuditDetail("research")).isEqualTo("passed; purpose research");
            assertThat(plan.servedAuditDetail(new String("research"))).isEqualTo("passed; purpose research");
            assertThat(plan.servedAuditDetail("education")).isEqualTo("passed; purpose education");
            assertThat(plan.servedAuditDetail(null)).isEqualTo("passed; purpose null");
        }
        assertThat(plan.servedAuditDetail("research")).isSameAs(plan.servedAuditDetail(new String("research")));
    }

    @Test
    void purposes_beyond_the_cached_few_are_still_named_exactly() {
        for (int i = 0; i < 100; i++) {
            assertThat(plan.servedAuditDetail("p" + i)).isEqualTo("passed; purpose p" + i);
            assertThat(plan.servedAuditDetail("research")).isEqualTo("passed; purpose research");
        }
    }
}
