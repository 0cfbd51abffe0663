package org.modeldao.app.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modeldao.app.dashboard.GatewayTraffic;
import org.modeldao.app.dashboard.GatewayTraffic.RefusalKind;
import org.modeldao.app.dashboard.GatewayTraffic.Status;

class ServingPanelTest {

    private static final Instant HOUR_AGO = Instant.parse("2026-12-06T04:30:00Z");

    @Test
    void the_last_hour_reads_in_the_app_s_number_format_with_only_the_kinds_that_refused() {
        GatewayTraffic.Counts hour = new GatewayTraffic.Counts(HOUR_AGO, 1234, 12,
                Map.of(RefusalKind.ACCESS_POLICY, 10L, RefusalKind.ETHICAL_CONSTRAINT, 2L, RefusalKind.RATE_LIMIT, 0L));
        GatewayTraffic traffic = new GatewayTraffic(Status.COUNTED, Optional.of(hour), Optional.of(hour), "");

        assertThat(ServingPanel.describe(traffic))
                .isEqualTo("Last hour: 1,234 served · 12 refused (10 access policy, 2 ethical constraint)");
    }

    @Test
    void no_refusals_and_no_answer_are_said_plainly() {
        GatewayTraffic.Counts quiet = new GatewayTraffic.Counts(HOUR_AGO, 0, 0, Map.of());
        assertThat(ServingPanel.describe(new GatewayTraffic(Status.COUNTED, Optional.of(quiet), Optional.of(quiet), "")))
                .isEqualTo("Last hour: 0 served · 0 refused");
        assertThat(ServingPanel.describe(GatewayTraffic.of(Status.UNREACHABLE, "could not connect to http://127.0.0.1:1")))
                .isEqualTo("Traffic unknown: gateway not reachable");
    }
}
