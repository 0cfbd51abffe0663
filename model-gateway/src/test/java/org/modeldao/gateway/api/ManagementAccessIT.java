package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Default settings: health is open, the other actuator endpoints answer loopback callers only. */
class ManagementAccessIT extends GatewayOverHttp {

    @Test
    void prometheus_answers_a_loopback_caller() {
        HttpFixture.Reply metrics = new HttpFixture(port).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("gateway_versions_loaded");
    }

    @Test
    void a_caller_relayed_by_an_untrusted_proxy_is_refused_even_on_loopback() {
        HttpFixture http = new HttpFixture(port);
        for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
            String value = header.equals("Forwarded") ? "for=127.0.0.1" : "127.0.0.1";
            HttpFixture.Reply refused = http.send(request("/actuator/prometheus", header, value));
            assertThat(refused.status()).as(header).isEqualTo(403);
            assertThat(refused.raw().body()).doesNotContain("gateway_").contains("gateway.management");
            assertThat(http.send(request("/actuator/health", header, value)).status()).as("health stays open")
                    .isEqualTo(200);
        }
        assertThat(http.send(request("/actuator/metrics", "X-Forwarded-For", "127.0.0.1")).status()).isEqualTo(403);
        assertThat(http.send(request("/actuator/info", "X-Forwarded-For", "127.0.0.1")).status()).isEqualTo(403);
    }

    private HttpRequest request(String path, String header, String value) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header(header, value).GET().build();
    }
}
