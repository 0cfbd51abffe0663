package org.modeldao.app.artifacts.internal;

import org.modeldao.app.artifacts.ArtifactProperties;
import org.modeldao.app.artifacts.ArtifactStore;
import org.modeldao.app.artifacts.ModelInspector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class ArtifactConfiguration {

    @Bean
    ArtifactStore artifactStore(ArtifactProperties properties) {
        return new LocalArtifactStore(properties);
    }

    @Bean
    ModelInspector modelInspector(ArtifactProperties properties) {
        return new OnnxModelInspector(properties);
    }

    /**
     * Artifacts and cards are public by design (anyone must be able to check what the DAO
     * approved), so their URLs get their own stateless chain ahead of the app's.
     */
    @Bean
    @Order(10)
    SecurityFilterChain artifactDownloads(HttpSecurity http) throws Exception {
        return http.securityMatcher("/artifacts/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
