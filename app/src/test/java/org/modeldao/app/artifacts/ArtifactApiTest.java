package org.modeldao.app.artifacts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modeldao.onnxchecks.ExternalDataModels;
import org.modeldao.app.identity.MemberRole;
import org.modeldao.app.identity.SignedInMember;
import org.modeldao.app.identity.SiweAuthentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The artifact API over HTTP: admin uploads checked against their hash and opened with ONNX
 * Runtime (cards read as JSON) before they are kept, public immutable downloads, 4xx JSON for bad input.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:tokens-api;DB_CLOSE_DELAY=-1;MODE=PostgreSQL")
@AutoConfigureMockMvc
class ArtifactApiTest {

    static final SignedInMember ADMIN = new SignedInMember("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", 31337, BigInteger.TEN,
            Set.of(MemberRole.MEMBER, MemberRole.ADMIN));
    static final SignedInMember MEMBER = new SignedInMember("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 31337, BigInteger.TEN,
            Set.of(MemberRole.MEMBER));
    static final byte[] MODEL = org.modeldao.demomodels.DemoModels.iris("2").artifactBytes();
    static final byte[] TEXT = "this is not a model, just 37 bytes.\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    @Test
    void an_admin_upload_is_stored_under_its_hash_and_downloadable_by_anyone() throws Exception {
        String sha = Sha256.of(MODEL).hex();
        mvc.perform(post("/api/artifacts").queryParam("sha256", sha).with(authentication(new SiweAuthentication(ADMIN)))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(MODEL))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sha256.hex").value(sha))
                .andExpect(jsonPath("$.url").value("http://localhost:8080/artifacts/" + sha))
                .andExpect(jsonPath("$.signature.inputs[0].name").value("input"))
                .andExpect(jsonPath("$.signature.inputs[0].elementType").value("float32"))
                .andExpect(jsonPath("$.signature.inputs[0].shape").value(org.hamcrest.Matchers.contains(-1, 4)))
                .andExpect(jsonPath("$.signature.outputs[0].shape").value(org.hamcrest.Matchers.contains(-1, 3)));

        mvc.perform(get("/artifacts/" + sha)).andExpect(status().isOk())
                .andExpect(content().bytes(MODEL))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("immutable")));
    }

    @Test
    void a_line_of_text_is_refused_with_400_json_and_not_stored() throws Exception {
        assertRefusedAsModel(TEXT);
    }

    @Test
    void a_truncated_model_is_refused_with_400_json_and_not_stored() throws Exception {
        assertRefusedAsModel(java.util.Arrays.copyOf(MODEL, MODEL.length - 100));
    }

    @Test
    void a_card_is_uploaded_as_a_card_and_a_broken_one_is_refused_with_where_it_breaks() throws Exception {
        byte[] card = org.modeldao.demomodels.DemoModels.iris("2").cardBytes();
        mvc.perform(post("/api/artifacts").queryParam("kind", "card").with(authentication(new SiweAuthentication(ADMIN)))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(card))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sha256.hex").value(Sha256.of(card).hex()));
        byte[] broken = "{\"name\": \"iris\",\n \"version\": 2,,}".getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/artifacts").queryParam("kind", "card").with(authentication(new SiweAuthentication(ADMIN)))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(broken))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_artifact"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("(line 2, column 15)")));
        mvc.perform(get("/artifacts/" + Sha256.of(broken).hex())).andExpect(status().isNotFound());
        // a card is not a model: uploaded as one, it is refused
        refusedAsModel(card);
    }

    private void assertRefusedAsModel(byte[] content) throws Exception {
        refusedAsModel(content);
        mvc.perform(get("/artifacts/" + Sha256.of(content).hex())).andExpect(status().isNotFound());
    }

    private void refusedAsModel(byte[] content) throws Exception {
        mvc.perform(post("/api/artifacts").with(authentication(new SiweAuthentication(ADMIN)))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(content))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("not_an_onnx_model"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("This file is not an ONNX model that can be served: ")));
    }

    @Test
    void a_model_whose_initializer_points_at_a_server_file_is_refused_with_422_external_data_refused() throws Exception {
        byte[] crafted = ExternalDataModels.externalInitializer();
        mvc.perform(post("/api/artifacts").with(authentication(new SiweAuthentication(ADMIN)))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(crafted))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value("external_data_refused"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("This model keeps tensor data in files outside itself")))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("root:"))));
        mvc.perform(get("/artifacts/" + Sha256.of(crafted).hex())).andExpect(status().isNotFound());
    }

    @Test
    void bytes_not_matching_the_announced_hash_are_refused_with_422_json() throws Exception {
        mvc.perform(post("/api/artifacts").queryParam("sha256", "ab".repeat(32)).with(authentication(new SiweAuthentication(ADMIN)))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(MODEL))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value("artifact_mismatch"));
    }

    @Test
    void a_member_who_is_not_admin_cannot_upload() throws Exception {
        mvc.perform(post("/api/artifacts").with(authentication(new SiweAuthentication(MEMBER)))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(MODEL))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("upload_forbidden"));
        mvc.perform(post("/api/artifacts").contentType(MediaType.APPLICATION_OCTET_STREAM).content(MODEL))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void malformed_and_unknown_hashes_get_400_and_404_json() throws Exception {
        mvc.perform(get("/artifacts/not-a-hash")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_artifact"));
        mvc.perform(get("/artifacts/" + "0".repeat(64))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("artifact_not_found"));
    }
}
