package org.modeldao.gateway.api;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The connector {@link HttpConnectorConfiguration} asks for is the one that answers, with the gateway's keep-alive. */
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

    /**
     * An app's pooled connection is not closed after Tomcat's default of 100 requests
     * ({@code server.tomcat.max-keep-alive-requests} in application.yml): 300 calls on one socket, none
     * answered with {@code Connection: close}.
     */
    @Test
    void one_keep_alive_connection_carries_hundreds_of_calls() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int call = 1; call <= 300; call++) {
                socket.getOutputStream().write("GET /v2/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(US_ASCII));
                RawResponse response = RawResponse.read(in);
                assertThat(response.status()).as("call %d", call).isEqualTo(200);
                assertThat(response.headers().getOrDefault("connection", "")).as("call %d", call).isNotEqualToIgnoringCase("close");
                assertThat(response.body()).as("call %d", call).contains("\"live\":true");
            }
        }
    }

    /** One HTTP/1.1 response read off a socket: Content-Length or chunked framing. */
    private record RawResponse(int status, Map<String, String> headers, String body) {

        static RawResponse read(InputStream in) throws IOException {
            int status = Integer.parseInt(line(in).split(" ")[1]); // HTTP/1.1 200 [reason]
            Map<String, String> headers = new HashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                line(in);
            } else {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            }
            return new RawResponse(status, headers, body.toString(US_ASCII));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the gateway closed the connection after: " + line);
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
