package org.modeldao.app.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.app.artifacts.internal.LocalArtifactStore;

class LocalArtifactStoreTest {

    // sha256("hello world"), from `printf 'hello world' | sha256sum`
    static final String HELLO_SHA256 = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";

    @TempDir
    Path folder;

    LocalArtifactStore store() {
        return new LocalArtifactStore(new ArtifactProperties(folder, "https://dao.example/artifacts", 1024));
    }

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void content_is_stored_under_its_sha256_and_served_at_a_stable_url() throws Exception {
        StoredArtifact stored = store().store(bytes("hello world"), Optional.empty());

        assertThat(stored.sha256().hex()).isEqualTo(HELLO_SHA256);
        assertThat(stored.url()).isEqualTo("https://dao.example/artifacts/" + HELLO_SHA256);
        assertThat(stored.sizeBytes()).isEqualTo(11);
        assertThat(Files.readString(folder.resolve(HELLO_SHA256))).isEqualTo("hello world");
        try (InputStream in = store().open(Sha256.parse("0x" + HELLO_SHA256.toUpperCase()))) {
            assertThat(in.readAllBytes()).asString().isEqualTo("hello world");
        }
    }

    @Test
    void bytes_that_do_not_match_the_expected_hash_are_refused_and_nothing_is_kept() throws Exception {
        Sha256 expected = Sha256.of("the model we trained".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store().store(bytes("a tampered model"), Optional.of(expected)))
                .isInstanceOf(ArtifactMismatch.class)
                .hasMessageContaining("not the expected " + expected.hex());
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void bytes_matching_the_expected_hash_are_accepted() {
        StoredArtifact stored = store().store(bytes("hello world"), Optional.of(Sha256.parse(HELLO_SHA256)));

        assertThat(store().contains(stored.sha256())).isTrue();
    }

    @Test
    void storing_the_same_bytes_twice_keeps_one_file() throws Exception {
        store().store(bytes("hello world"), Optional.empty());
        store().store(bytes("hello world"), Optional.empty());

        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(folder.resolve(HELLO_SHA256));
        }
    }

    @Test
    void empty_and_oversized_uploads_are_refused() {
        assertThatThrownBy(() -> store().store(bytes(""), Optional.empty())).isInstanceOf(InvalidArtifact.class);
        assertThatThrownBy(() -> store().store(new ByteArrayInputStream(new byte[2048]), Optional.empty()))
                .isInstanceOf(InvalidArtifact.class).hasMessageContaining("larger than the 1024 bytes");
    }

    @Test
    void malformed_hashes_are_refused_before_touching_the_disk() {
        assertThatThrownBy(() -> Sha256.parse("../../etc/passwd")).isInstanceOf(InvalidArtifact.class);
        assertThatThrownBy(() -> Sha256.parse("abc")).isInstanceOf(InvalidArtifact.class);
    }

    @Test
    void an_unknown_hash_is_not_found() {
        assertThatThrownBy(() -> store().open(Sha256.of(new byte[] {1}))).isInstanceOf(ArtifactNotFound.class);
    }

    @Test
    void content_refused_by_the_check_is_not_kept() throws Exception {
        assertThatThrownBy(() -> store().store(bytes("hello world"), Optional.empty(), file -> {
            throw new InvalidArtifact("refused after reading " + file.getFileName());
        })).isInstanceOf(InvalidArtifact.class);

        assertThat(store().contains(Sha256.parse(HELLO_SHA256))).isFalse();
        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_card_with_missing_fields_is_refused() {
        assertThatThrownBy(() -> new ModelCard("iris", "2", "", "teaching", "none", "", "", "MIT"))
                .isInstanceOf(InvalidArtifact.class).hasMessage("The model card needs: Summary");
    }
}
