package org.modeldao.gateway.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Plays the governance app's part over real HTTP on 127.0.0.1: its JWK set, its revocation list
 * ({@code /api/tokens/revoked} with ETag / If-None-Match, like the app's) and RS256 tokens with the
 * app's claims (iss, aud, sub, chain_id, jti), plus tokens signed by a key the JWKS does not list
 * (forged). The list can be made unreachable ({@link #listDown(boolean)}) to test the gateway's
 * fallback.
 */
public final class JwtFixture implements AutoCloseable {

    /** The gateway's default {@code gateway.tokens.issuer}, like the app's default issuer. */
    public static final String ISSUER = "http://localhost:8080";
    public static final long CHAIN_ID = 31337;

    private final RSAKey key;
    private final RSAKey stranger;
    private final HttpServer server;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicInteger notModified = new AtomicInteger();
    private volatile boolean listDown;

    public JwtFixture() {
        try {
            key = new RSAKeyGenerator(2048).keyID("governance-app").generate();
            stranger = new RSAKeyGenerator(2048).keyID("governance-app").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> answer(exchange, 200, jwks, null));
        server.createContext("/api/tokens/revoked", this::revocationList);
        server.start();
    }

    private void revocationList(HttpExchange exchange) throws IOException {
        if (listDown) {
            answer(exchange, 503, "{\"error\":\"down\"}".getBytes(StandardCharsets.UTF_8), null);
            return;
        }
        String body = revoked.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "{\"jti\":\"" + e.getKey() + "\",\"expiresAt\":\"" + e.getValue() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        answer(exchange, 200, body.getBytes(StandardCharsets.UTF_8), etag);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body, String etag) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public String token(String address) {
        return sign(key, claims(address, Duration.ofMinutes(5)).build());
    }

    /** A correctly signed token whose claims {@code change} alters (another issuer, audience, chain...). */
    public String token(String address, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(key, change.apply(claims(address, Duration.ofMinutes(5))).build());
    }

    public String expiredToken(String address) {
        return sign(key, claims(address, Duration.ofMinutes(-5)).build());
    }

    public String forgedToken(String address) {
        return sign(stranger, claims(address, Duration.ofMinutes(5)).build());
    }

    /** Lists the token's id as revoked (until the token's expiry), as the app does after "Revoke". */
    public void revoke(String token) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            revoked.put(claims.getJWTID(), claims.getExpirationTime().toInstant());
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** While down, the revocation list answers 503. */
    public void listDown(boolean down) {
        listDown = down;
    }

    /** How many polls were answered 304 Not Modified. */
    public int notModifiedAnswers() {
        return notModified.get();
    }

    private static JWTClaimsSet.Builder claims(String address, Duration validFor) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(address).issuer(ISSUER).audience("model-gateway")
                .claim("chain_id", CHAIN_ID).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.plus(validFor)));
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
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
