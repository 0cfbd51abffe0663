package org.modeldao.launcher.report;

/**
 * An Open Inference Protocol v2 request the seeded DAO allows: one iris flower (a setosa's
 * measurements) with a purpose the voted ethical constraint accepts.
 */
public final class DemoRequest {

    public static final String BODY = "{\"parameters\": {\"purpose\": \"education\"}, \"inputs\": [{\"name\": \"input\", "
            + "\"shape\": [1, 4], \"datatype\": \"FP32\", \"data\": [5.1, 3.5, 1.4, 0.2]}]}";

    private DemoRequest() {
    }

    public static String inferUrl(String gatewayUrl, String model) {
        return gatewayUrl + "/v2/models/" + model + "/infer";
    }

    /** A command to paste into a shell (the body is single-quoted: it holds no single quote). */
    public static String curl(String gatewayUrl, String model) {
        return "curl -s -X POST " + inferUrl(gatewayUrl, model) + " -H 'content-type: application/json' -d '" + BODY + "'";
    }
}
