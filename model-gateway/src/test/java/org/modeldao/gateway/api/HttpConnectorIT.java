package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The connector {@link HttpConnectorConfiguration} asks for is the one that answers. */
class HttpConnectorIT extends GatewayOverHttp {

    @Autowired
    WebServerApplicationContext context;
    @TempDir
    Path dir;

    @Test
    void the_http_port_is_tomcats_nio2_connector_on_virtual_threads_it_owns_and_answers_calls() throws Exception {
        var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProtocolHandler()).isInstanceOf(Http11Nio2Protocol.class);
        assertThat(connector.getProtocolHandler().getExecutor()).isInstanceOf(VirtualThreadExecutor.class);
        assertThat(connector.getLocalPort()).isEqualTo(port);

        GovernanceFixture dao = new GovernanceFixture(dir, "iris-connector");
        String holder = "0x00000000000000000000000000000000000000c3";
        VOTES.put(holder, BigInteger.valueOf(1000));
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
        HttpFixture http = new HttpFixture(port);
        for (int i = 0; i < 20; i++) {
            var reply = http.post("/v2/models/iris-connector/versions/1/infer", HttpFixture.irisRequest("c-" + i, "{}", 5.1, 3.5, 1.4, 0.2),
                    JWT.token(holder));
            assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
            assertThat(reply.json().at("/parameters/approving_proposal_id").asString()).isNotBlank();
        }
    }
}
