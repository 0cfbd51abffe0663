package org.modeldao.app.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.auth.NavigationAccessControl;
import org.junit.jupiter.api.Test;
import org.modeldao.app.identity.ReturnTarget;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

class SignInReturnTest {

    @Test
    void the_return_parameter_of_the_header_link_comes_first() {
        MockHttpServletRequest request = signInRequest();
        request.setParameter("return", "/proposals");
        request.getSession().setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT, "my-tokens");

        assertThat(SignInReturn.of(request)).isEqualTo("/proposals");
    }

    @Test
    void a_click_to_a_protected_page_that_vaadin_rerouted_here_leads_back_to_it_once() {
        MockHttpServletRequest request = signInRequest();
        request.getSession().setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT, "my-tokens?tab=2");

        assertThat(SignInReturn.of(request)).isEqualTo("/my-tokens?tab=2");
        assertThat(SignInReturn.of(request)).as("read once").isEqualTo(ReturnTarget.HOME);
    }

    @Test
    void a_protected_page_opened_anonymously_that_spring_security_redirected_here_leads_back_to_it_once() {
        MockHttpServletRequest protectedPage = new MockHttpServletRequest("GET", "/my-tokens");
        protectedPage.setServerName("dao.example.org");
        protectedPage.setQueryString("label=ci");
        new HttpSessionRequestCache().saveRequest(protectedPage, new MockHttpServletResponse());
        MockHttpServletRequest request = signInRequest();
        request.setSession(protectedPage.getSession());

        assertThat(SignInReturn.of(request)).isEqualTo("/my-tokens?label=ci");
        assertThat(SignInReturn.of(request)).as("read once").isEqualTo(ReturnTarget.HOME);
    }

    @Test
    void whatever_the_source_a_target_that_could_leave_the_site_leads_home() {
        MockHttpServletRequest named = signInRequest();
        named.setParameter("return", "//evil.example/phish");
        assertThat(SignInReturn.of(named)).isEqualTo(ReturnTarget.HOME);

        MockHttpServletRequest rerouted = signInRequest();
        rerouted.getSession().setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT, "/evil.example");
        assertThat(SignInReturn.of(rerouted)).isEqualTo(ReturnTarget.HOME);

        MockHttpServletRequest backslash = signInRequest();
        backslash.getSession().setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT, "\\evil.example");
        assertThat(SignInReturn.of(backslash)).isEqualTo(ReturnTarget.HOME);
    }

    @Test
    void without_any_target_or_session_sign_in_leads_home() {
        assertThat(SignInReturn.of(new MockHttpServletRequest("GET", "/sign-in"))).isEqualTo(ReturnTarget.HOME);
    }

    private static MockHttpServletRequest signInRequest() {
        return new MockHttpServletRequest("GET", "/sign-in");
    }
}
