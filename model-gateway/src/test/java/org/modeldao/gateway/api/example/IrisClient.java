package org.modeldao.gateway.api.example;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Classifies iris flowers with the model the DAO approved, over the Open Inference Protocol v2. */
public final class IrisClient {

    /** The species, and the provenance the gateway attaches to every answer. */
    public record Classification(String species, String modelVersion, String artifactSha256, String approvingProposalId) {
    }

    /** The gateway said no: 401/403/429 (access policy), 410 (revoked), 422 (ethical constraint)... */
    public static final class Refused extends RuntimeException {
        public final int status;

        Refused(int status, String error) {
            super(status + ": " + error);
            this.status = status;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI infer;
    private final String bearerToken;

    /** @param bearerToken a token from the app's "My tokens" page, or null for a public model */
    public IrisClient(URI gateway, String model, String bearerToken) {
        this.infer = gateway.resolve("/v2/models/" + model + "/infer"); // no version: the DAO's current one
        this.bearerToken = bearerToken;
    }

    public Classification classify(String purpose, float sepalLength, float sepalWidth, float petalLength, float petalWidth)
            throws IOException, InterruptedException {
        ObjectNode request = json.createObjectNode();
        request.putObject("parameters").put("purpose", purpose); // checked against the voted constraints
        ObjectNode input = request.putArray("inputs").addObject().put("name", "input").put("datatype", "FP32");
        input.putArray("shape").add(1).add(4);
        input.putArray("data").add(sepalLength).add(sepalWidth).add(petalLength).add(petalWidth);

        HttpRequest.Builder post = HttpRequest.newBuilder(infer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)));
        if (bearerToken != null) {
            post.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new Refused(response.statusCode(), answer.path("error").asString());
        }
        String species = "";
        for (JsonNode output : answer.path("outputs")) {
            if (output.path("name").asString().equals("label")) {
                species = output.path("data").path(0).asString();
            }
        }
        JsonNode provenance = answer.path("parameters");
        return new Classification(species, provenance.path("model_version").asString(),
                provenance.path("artifact_sha256").asString(), provenance.path("approving_proposal_id").asString());
    }
}
