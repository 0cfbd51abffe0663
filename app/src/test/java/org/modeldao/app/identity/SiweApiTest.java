package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.app.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import tools.jackson.databind.ObjectMapper;

/** The sign-in API over HTTP (MockMvc, in-memory H2, no chain): every refusal is a clear 4xx JSON error. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:siwe-api;DB_CLOSE_DELAY=-1;MODE=PostgreSQL")
@AutoConfigureMockMvc
class SiweApiTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;

    @Test
    void a_correctly_signed_message_signs_the_session_in() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String message = messageWith(freshNonce(), "localhost", 31337);

        verify(message, SiweFixture.sign(message, SiweFixture.ALICE), session)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"))
                .andExpect(jsonPath("$.chainId").value(31337));

        mvc.perform(get("/api/siwe/me").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    }

    @Test
    void logging_out_ends_the_signed_in_session() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String message = messageWith(freshNonce(), "localhost", 31337);
        verify(message, SiweFixture.sign(message, SiweFixture.ALICE), session).andExpect(status().isOk());

        mvc.perform(post("/api/siwe/logout").session(session)).andExpect(status().isNoContent());

        assertThat(session.isInvalid()).as("the signed-in session is invalidated").isTrue();
    }

    @Test
    void without_sign_in_the_session_has_no_member_and_the_token_api_answers_401() throws Exception {
        mvc.perform(get("/api/siwe/me")).andExpect(status().isNoContent());
        mvc.perform(get("/api/tokens")).andExpect(status().isUnauthorized());
    }

    @Test
    void a_replayed_nonce_is_refused() throws Exception {
        String message = messageWith(freshNonce(), "localhost", 31337);
        String signature = SiweFixture.sign(message, SiweFixture.ALICE);
        verify(message, signature, new MockHttpSession()).andExpect(status().isOk());

        expectRefusal(verify(message, signature, new MockHttpSession()), 401, "nonce_reused");
    }

    @Test
    void an_expired_nonce_is_refused() throws Exception {
        String message = messageWith(freshNonce(), "localhost", 31337);
        clock.advance(Duration.ofMinutes(11));

        expectRefusal(verify(message, SiweFixture.sign(message, SiweFixture.ALICE), new MockHttpSession()), 401, "nonce_expired");
    }

    @Test
    void a_nonce_this_site_never_issued_is_refused() throws Exception {
        String message = messageWith("NeverIssued123", "localhost", 31337);

        expectRefusal(verify(message, SiweFixture.sign(message, SiweFixture.ALICE), new MockHttpSession()), 401, "nonce_unknown");
    }

    @Test
    void a_message_for_another_chain_is_refused() throws Exception {
        String message = messageWith(freshNonce(), "localhost", 1);

        expectRefusal(verify(message, SiweFixture.sign(message, SiweFixture.ALICE), new MockHttpSession()), 401, "wrong_chain");
    }

    @Test
    void a_message_for_another_domain_is_refused() throws Exception {
        String message = messageWith(freshNonce(), "evil.example.org", 31337);

        expectRefusal(verify(message, SiweFixture.sign(message, SiweFixture.ALICE), new MockHttpSession()), 401, "wrong_domain");
    }

    @Test
    void a_forged_signature_is_refused_and_leaves_the_nonce_usable() throws Exception {
        String message = messageWith(freshNonce(), "localhost", 31337);

        expectRefusal(verify(message, SiweFixture.sign(message, SiweFixture.MALLORY), new MockHttpSession()), 401, "invalid_signature");
        verify(message, SiweFixture.sign(message, SiweFixture.ALICE), new MockHttpSession()).andExpect(status().isOk());
    }

    @Test
    void a_malformed_message_is_refused_with_400() throws Exception {
        String message = messageWith(freshNonce(), "localhost", 31337).replace("Version: 1", "Version: 2");

        expectRefusal(verify(message, SiweFixture.sign(message, SiweFixture.ALICE), new MockHttpSession()), 400, "malformed_message");
    }

    @Test
    void a_malformed_signature_or_body_is_refused_with_400() throws Exception {
        String message = messageWith(freshNonce(), "localhost", 31337);

        expectRefusal(verify(message, "0xdeadbeef", new MockHttpSession()), 400, "malformed_signature");
        expectRefusal(mvc.perform(post("/api/siwe/verify").contentType(MediaType.APPLICATION_JSON).content("{\"message\":")), 400, "malformed_request");
        expectRefusal(mvc.perform(post("/api/siwe/verify").contentType(MediaType.APPLICATION_JSON).content("{\"message\":\"x\"}")), 400, "malformed_request");
    }

    private String freshNonce() throws Exception {
        String body = mvc.perform(get("/api/siwe/nonce")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String nonce = JSON.readTree(body).get("nonce").asString();
        assertThat(nonce).matches("[A-Za-z0-9]{8,}");
        return nonce;
    }

    private String messageWith(String nonce, String domain, long chainId) {
        Credentials who = SiweFixture.ALICE;
        return new SiweMessage(null, domain, Keys.toChecksumAddress(who.getAddress()), "Sign in to the Model DAO.",
                "http://" + domain + "/sign-in", "1", chainId, nonce, clock.instant().truncatedTo(ChronoUnit.SECONDS),
                null, null, null, List.of()).toMessage();
    }

    private ResultActions verify(String message, String signature, MockHttpSession session) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("message", message, "signature", signature));
        return mvc.perform(post("/api/siwe/verify").session(session).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void expectRefusal(ResultActions result, int status, String code) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(jsonPath("$.error").value(code))
                .andExpect(jsonPath("$.message").isNotEmpty());
    }

}
