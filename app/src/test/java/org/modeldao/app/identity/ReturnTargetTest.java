package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/proposals", "/proposals/123", "/catalog?model=iris", "/history#top", "/"})
    void sameOriginPathsAreKept(String path) {
        assertThat(ReturnTarget.of(path)).contains(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "https://evil", "http://evil.com/x", "/\\evil", "\\\\evil", "/%2Fevil.com",
            "%2F%2Fevil.com", "/%5Cevil", "/%252F%252Fevil.com", "javascript:alert(1)", "evil.com", "proposals",
            "/\tevil", "/%09/evil.com", "/\n/evil.com", "//", "/%zz", " ", ""})
    void anythingThatCouldLeaveTheSiteFallsBackToHome(String hostile) {
        assertThat(ReturnTarget.of(hostile)).isEmpty();
        assertThat(ReturnTarget.orHome(hostile)).isEqualTo(ReturnTarget.HOME);
    }

    @org.junit.jupiter.api.Test
    void missingTargetGoesHome() {
        assertThat(ReturnTarget.orHome(null)).isEqualTo("./");
    }
}
