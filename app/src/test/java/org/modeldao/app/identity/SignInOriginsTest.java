package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignInOriginsTest {

    @Test
    void outside_the_dev_profile_an_empty_public_origin_is_refused_naming_the_property() {
        assertThatThrownBy(() -> SignInOrigins.configured("", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("modeldao.identity.public-origin");
    }

    @Test
    void a_public_origin_that_is_no_origin_is_refused_naming_the_property() {
        assertThatThrownBy(() -> SignInOrigins.configured("dao.example.org", false))
                .hasMessageContaining("modeldao.identity.public-origin");
    }

    @Test
    void the_configured_origin_is_used_in_any_profile() {
        assertThat(SignInOrigins.configured("https://dao.example.org", false)).contains(new SiteOrigin("https", "dao.example.org"));
        assertThat(SignInOrigins.configured("", true)).isEmpty();
    }

    @Test
    void only_names_of_this_machine_count_as_loopback() {
        assertThat(SignInOrigins.isLoopback("localhost")).isTrue();
        assertThat(SignInOrigins.isLoopback("127.0.0.1")).isTrue();
        assertThat(SignInOrigins.isLoopback("[::1]")).isTrue();
        assertThat(SignInOrigins.isLoopback("evil.example")).isFalse();
        assertThat(SignInOrigins.isLoopback("localhost.evil.example")).isFalse();
        assertThat(SignInOrigins.isLoopback("127.0.0.1.evil.example")).isFalse();
        assertThat(SignInOrigins.isLoopback("192.168.1.10")).isFalse();
    }
}
