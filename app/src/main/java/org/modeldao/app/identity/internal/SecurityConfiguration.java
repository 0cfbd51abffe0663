package org.modeldao.app.identity.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.modeldao.app.identity.ui.SignInView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * One filter chain for views and API. Static frontend files, the sign-in API, the JWK set,
 * the revocation list and the catalog API (read-only) are public; everything else needs a session signed in with Ethereum.
 * Unauthenticated API calls get 401; a protected view sends an anonymous visitor to the sign-in
 * view, an unknown address shows the 404 page.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/js/**", "/styles/**", "/icons/**").permitAll()
                .requestMatchers("/api/siwe/**", "/.well-known/jwks.json", "/api/tokens/revoked").permitAll()
                // read-only, public like the catalog page: what the DAO decided is no secret
                .requestMatchers(HttpMethod.GET, "/api/catalog/**").permitAll()
                // the exposed actuator endpoints have their own chain (ManagementSecurityConfiguration)
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/api/**").authenticated());
        // The API is JSON-only (see SiweController); a cross-site form cannot post JSON without CORS.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        // Everything else reaches Vaadin, whose navigation access control checks each view's own
        // annotation (a protected view still sends an anonymous visitor to sign-in); an address
        // that matches no route gets the 404 page instead of a sign-in detour to nothing.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(SignInView.class)
                .anyRequest(unmatched -> unmatched.permitAll()));
        return http.build();
    }

    /**
     * There are no passwords: sign-in is by Ethereum signature only. Declaring this refuses the
     * form login Vaadin's login-view support installs, and stops Spring Boot from creating its
     * default user with a generated password.
     */
    @Bean
    UserDetailsService noPasswordAccounts() {
        return username -> {
            throw new UsernameNotFoundException("Sign in with an Ethereum wallet; there are no passwords.");
        };
    }
}
