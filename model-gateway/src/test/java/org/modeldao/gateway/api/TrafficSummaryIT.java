package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.gateway.GovernanceFixture;
import tools.jackson.databind.JsonNode;

/**
 * The public traffic summary over real HTTP after real calls: served ones and one refused by each kind of rule,
 * counted per model, in the last hour and since the gateway started, with nothing about the callers.
 */
class TrafficSummaryIT extends GatewayOverHttp {

    private static final String MODEL = "iris-traffic";

    @TempDir
    Path dir;

    @Test
    void served_and_refused_calls_are_counted_by_kind_of_rule_and_nothing_about_callers_is_published() throws Exception {
        GovernanceFixture dao = new GovernanceFixture(dir, MODEL);
        dao.approveDemo("1");
        dao.current("1");
        dao.policy(GovernanceFixture.policy(PolicyKind.PUBLIC, 0, 5, 2, List.of(), "881"));
        dao.constraint(GovernanceFixture.constraint(31, ConstraintKind.INPUT_RANGE, "input", 0, 10, List.of(),
                "measurements are centimetres of a flower"));
        publishAndAwait(dao, "1");
        HttpFixture http = new HttpFixture(port);
        JsonNode before = awaitTraffic(http, 0);
        assertThat(before.at("/since_start/refused").asLong()).isZero();

        String path = "/v2/models/" + MODEL + "/infer";
        List<Integer> statuses = new ArrayList<>();
        statuses.add(infer(http, path, new double[4 * 3]));             // batch of 3 over the voted 2: access policy
        for (int i = 0; i < 3; i++) {
            statuses.add(infer(http, path, 5.1, 3.5, 1.4, 0.2));         // served (3 of the 5 per minute)
        }
        statuses.add(infer(http, path, 5.1, 3.5, 1.4, 42));              // ethical constraint (4 of 5)
        statuses.add(http.post(path, """
                {"inputs": [{"name": "input", "shape": [1, 3], "datatype": "FP32", "data": [1, 2, 3]}]}""", null)
                .status());                                              // validation (5 of 5)
        statuses.add(infer(http, path, 5.1, 3.5, 1.4, 0.2));             // rate limit
        statuses.add(infer(http, "/v2/models/" + MODEL + "/versions/9/infer", 5.1, 3.5, 1.4, 0.2)); // unavailable
        statuses.add(infer(http, "/v2/models/not-" + MODEL + "/infer", 5.1, 3.5, 1.4, 0.2));        // another name
        assertThat(statuses).containsExactly(413, 200, 200, 200, 422, 400, 429, 404, 404);

        // refused before they were calls (token, body, media type), on the lean path and Spring MVC's alike; and the same
        // refusals of a model never approved count under "unknown", not under a name a client chose
        String row = HttpFixture.irisRequest("t", "{}", 5.1, 3.5, 1.4, 0.2);
        List<Integer> early = new ArrayList<>();
        for (String target : List.of(path, "/v2/models/not-" + MODEL + "/infer")) {
            early.add(http.post(target, row, "not.a.token").status());                           // access policy
            early.add(http.post(target, "{\"inputs\": [", null).status());                       // validation
            early.add(http.post(target, "[" + "0,".repeat(12_000) + "0]", null).status());        // validation
            early.add(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(row)).build())
                    .status());                                                                    // validation
        }
        assertThat(early).containsExactly(401, 400, 413, 415, 401, 400, 413, 415);

        JsonNode traffic = awaitTraffic(http, 3);
        for (String window : List.of("/since_start", "/last_hour")) {
            assertThat(traffic.at(window + "/served").asLong()).as(window).isEqualTo(3);
            assertThat(traffic.at(window + "/refused").asLong()).as(window).isEqualTo(9);
            assertThat(traffic.at(window + "/refused_by_category").toString()).as(window).isEqualTo("{\"access_policy\":2,"
                    + "\"rate_limit\":1,\"ethical_constraint\":1,\"validation\":4,\"unavailable\":1,\"model_failure\":0}");
        }
        Instant started = Instant.parse(traffic.get("gateway_started_at").asString());
        Instant asOf = Instant.parse(traffic.get("as_of").asString());
        assertThat(started).isBeforeOrEqualTo(asOf);
        assertThat(traffic.at("/since_start/from").asString()).isEqualTo(started.toString());
        assertThat(Instant.parse(traffic.at("/last_hour/from").asString())).isBetween(asOf.minusSeconds(3600), asOf);
        // aggregates only: no caller, address, token or input anywhere in the answer
        assertThat(traffic.propertyNames()).containsExactly("model", "gateway_started_at", "as_of", "last_hour", "since_start");
        assertThat(traffic.get("last_hour").propertyNames()).containsExactly("from", "served", "refused", "refused_by_category");
        // (instants left out: "…:25.1…" in a timestamp is not an input value)
        assertThat(traffic.toString().replaceAll("\"\\d{4}-\\d{2}-\\d{2}T[^\"]*\"", "\"instant\""))
                .doesNotContain("127.0.0.1", "5.1", "caller");
    }

    @Test
    void a_model_the_dao_never_approved_is_404_like_the_protocol_s_errors() {
        HttpFixture.Reply reply = new HttpFixture(port).get("/governance/models/never-approved/traffic");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asString()).isEqualTo("unknown model never-approved");
    }

    @Test
    void the_openapi_document_describes_the_endpoint() {
        HttpFixture.Reply docs = new HttpFixture(port).get("/v3/api-docs");
        assertThat(docs.json().at("/paths").has("/governance/models/{model}/traffic")).isTrue();
    }

    private static int infer(HttpFixture http, String path, double... values) {
        return http.post(path, HttpFixture.irisRequest("t", "{}", values), null).status();
    }

    /** Served counts reach the meters through the latency drain (every 50 ms): read until they are there, at most 10 s. */
    private static JsonNode awaitTraffic(HttpFixture http, long served) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            HttpFixture.Reply reply = http.get("/governance/models/" + MODEL + "/traffic");
            assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
            if (reply.json().at("/since_start/served").asLong() == served || System.currentTimeMillis() > deadline) {
                return reply.json();
            }
            Thread.sleep(20);
        }
    }
}
