package org.modeldao.app.tokens.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.modeldao.app.tokens.AccessTokenProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The RSA key that signs gateway tokens (RS256), from a PEM file shared by all replicas, or
 * generated at start-up for development (tokens then die with the process).
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    @Bean
    RSAKey accessTokenSigningKey(AccessTokenProperties properties) throws IOException, GeneralSecurityException, JOSEException {
        if (properties.signingKey().isEmpty()) {
            log.warn("No modeldao.tokens.signing-key configured: generated an RSA key for this process only. "
                    + "Tokens will not survive a restart nor be accepted across replicas.");
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint(true).generate();
        }
        RSAPrivateKey privateKey;
        try (InputStream pem = Files.newInputStream(Path.of(properties.signingKey()))) {
            privateKey = RsaKeyConverters.pkcs8().convert(pem);
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("The signing key " + properties.signingKey() + " must be a PKCS#8 RSA private key with CRT parameters");
        }
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
        log.info("Signing gateway tokens with key {} from {}", key.getKeyID(), properties.signingKey());
        return key;
    }

    @Bean
    JwtEncoder accessTokenEncoder(RSAKey accessTokenSigningKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(accessTokenSigningKey)));
    }

    /** The public half only: what /.well-known/jwks.json publishes. */
    @Bean
    JWKSet accessTokenPublicKeys(RSAKey accessTokenSigningKey) {
        return new JWKSet(accessTokenSigningKey.toPublicJWK());
    }
}
