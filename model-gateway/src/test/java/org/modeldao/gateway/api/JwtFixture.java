package org.modeldao.gateway.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Plays the governance app's part: a real JWKS endpoint on 127.0.0.1 and RS256 tokens
 * naming an account, plus tokens signed by a key the JWKS does not list (forged).
 */
public final class JwtFixture implements AutoCloseable {

    private final RSAKey key;
    private final RSAKey stranger;
    private final HttpServer server;

    public JwtFixture() {
        try {
            key = new RSAKeyGenerator(2048).keyID("governance-app").generate();
            stranger = new RSAKeyGenerator(2048).keyID("governance-app").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public String token(String address) {
        return sign(key, address, Duration.ofMinutes(5));
    }

    public String expiredToken(String address) {
        return sign(key, address, Duration.ofMinutes(-5));
    }

    public String forgedToken(String address) {
        return sign(stranger, address, Duration.ofMinutes(5));
    }

    private static String sign(RSAKey signingKey, String address, Duration validFor) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(address).claim("address", address)
                    .issuer("model-dao-app").issueTime(Date.from(now.minusSeconds(600)))
                    .expirationTime(Date.from(now.plus(validFor))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
