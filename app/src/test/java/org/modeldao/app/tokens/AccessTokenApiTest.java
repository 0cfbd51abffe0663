package org.modeldao.app.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modeldao.app.identity.MemberRole;
import org.modeldao.app.identity.SignedInMember;
import org.modeldao.app.identity.SiweAuthentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Gateway tokens over HTTP: issued JWTs verify against the published JWK set; revocation is published. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:tokens-api;DB_CLOSE_DELAY=-1;MODE=PostgreSQL")
@AutoConfigureMockMvc
class AccessTokenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SignedInMember ALICE = new SignedInMember("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", 31337, BigInteger.TEN, Set.of(MemberRole.MEMBER));
    private static final SignedInMember BOB = new SignedInMember("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 31337, BigInteger.ZERO, Set.of());

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessTokenService service;

    @Test
    void an_issued_token_verifies_against_the_published_jwk_set_and_carries_the_agreed_claims() throws Exception {
        JsonNode issued = issue(ALICE, "{\"label\":\"laptop\"}");
        String jwks = mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        RSAKey publicKey = JWKSet.parse(jwks).getKeys().getFirst().toRSAKey();
        assertThat(publicKey.isPrivate()).as("the JWK set must hold public keys only").isFalse();

        Jwt jwt = NimbusJwtDecoder.withPublicKey(publicKey.toRSAPublicKey()).build().decode(issued.get("token").asString());

        assertThat(jwt.getSubject()).isEqualTo(ALICE.address());
        assertThat(jwt.getAudience()).containsExactly("model-gateway");
        assertThat(jwt.getIssuer().toString()).isEqualTo("http://localhost:8080");
        assertThat(jwt.getId()).isEqualTo(issued.get("jti").asString());
        assertThat(jwt.getHeaders()).containsEntry("kid", publicKey.getKeyID());
        assertThat(jwt.getExpiresAt()).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MEMBER");
        assertThat(((Number) jwt.getClaim("chain_id")).longValue()).isEqualTo(31337);
        assertThat(jwt.getClaims()).as("the account is named once, in sub").doesNotContainKey("address");
    }

    @Test
    void the_revocation_list_answers_304_while_unchanged_and_a_new_etag_after_a_revocation() throws Exception {
        String etag = mvc.perform(get("/api/tokens/revoked")).andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();

        mvc.perform(get("/api/tokens/revoked").header("If-None-Match", etag)).andExpect(status().isNotModified());

        String jti = issue(ALICE, "{\"label\":\"etag\"}").get("jti").asString();
        mvc.perform(delete("/api/tokens/" + jti).with(authentication(new SiweAuthentication(ALICE)))).andExpect(status().isNoContent());
        String changed = mvc.perform(get("/api/tokens/revoked").header("If-None-Match", etag)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.jti == '" + jti + "')]").exists())
                .andReturn().getResponse().getHeader("ETag");
        assertThat(changed).isNotEqualTo(etag);
    }

    @Test
    void a_revoked_token_is_listed_for_the_gateway_and_shown_as_revoked_to_its_holder() throws Exception {
        String jti = issue(ALICE, "{\"label\":\"to revoke\",\"ttlSeconds\":600}").get("jti").asString();

        mvc.perform(delete("/api/tokens/" + jti).with(authentication(new SiweAuthentication(ALICE)))).andExpect(status().isNoContent());

        mvc.perform(get("/api/tokens/revoked")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.jti == '" + jti + "')]").exists());
        mvc.perform(get("/api/tokens").with(authentication(new SiweAuthentication(ALICE)))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.jti == '" + jti + "')].revokedAt").isNotEmpty());
    }

    @Test
    void nobody_can_revoke_another_accounts_token() throws Exception {
        String jti = issue(ALICE, "{\"label\":\"mine\"}").get("jti").asString();

        mvc.perform(delete("/api/tokens/" + jti).with(authentication(new SiweAuthentication(BOB))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("token_not_found"));
        mvc.perform(get("/api/tokens/revoked")).andExpect(jsonPath("$[?(@.jti == '" + jti + "')]").doesNotExist());
    }

    @Test
    void a_token_without_a_name_or_beyond_the_maximum_lifetime_is_refused() throws Exception {
        mvc.perform(post("/api/tokens").with(authentication(new SiweAuthentication(ALICE)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_token_request"));
        mvc.perform(post("/api/tokens").with(authentication(new SiweAuthentication(ALICE)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"forever\",\"ttlSeconds\":999999999}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_token_request"));
        mvc.perform(post("/api/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"anon\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void the_service_refuses_to_act_for_another_account_than_the_signed_in_one() {
        SecurityContextHolder.getContext().setAuthentication(new SiweAuthentication(BOB));
        try {
            assertThatThrownBy(() -> service.issue(ALICE, "not mine")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.tokensOf(ALICE)).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private JsonNode issue(SignedInMember member, String body) throws Exception {
        String response = mvc.perform(post("/api/tokens").with(authentication(new SiweAuthentication(member)))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(response);
    }
}
