package org.modeldao.app.identity.internal;

import static org.modeldao.app.identity.SignInRejected.Reason.NONCE_EXPIRED;
import static org.modeldao.app.identity.SignInRejected.Reason.NONCE_REUSED;
import static org.modeldao.app.identity.SignInRejected.Reason.NONCE_UNKNOWN;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.modeldao.app.identity.SignInRejected;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Sign-in nonces in the database, so any replica can check a nonce another one issued. A nonce
 * is consumed by one conditional UPDATE: of two concurrent attempts with the same nonce exactly
 * one wins, on any number of replicas.
 */
@Repository
public class NonceStore {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int NONCE_LENGTH = 24; // ~143 bits

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public NonceStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Issues a fresh nonce valid for {@code ttl}, unless the table already holds
     * {@code maxStored} nonces (expired ones are purged every minute): then empty, and nothing is stored.
     */
    public Optional<IssuedNonce> issue(Duration ttl, int maxStored) {
        if (count() >= maxStored) {
            return Optional.empty();
        }
        StringBuilder nonce = new StringBuilder(NONCE_LENGTH);
        for (int i = 0; i < NONCE_LENGTH; i++) {
            nonce.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        jdbc.sql("insert into siwe_nonce (nonce, issued_at, expires_at) values (:nonce, :issuedAt, :expiresAt)")
                .param("nonce", nonce.toString())
                .param("issuedAt", utc(now))
                .param("expiresAt", utc(expiresAt))
                .update();
        return Optional.of(new IssuedNonce(nonce.toString(), expiresAt));
    }

    /** Nonces stored now, expired or not. */
    public long count() {
        return jdbc.sql("select count(*) from siwe_nonce").query(Long.class).single();
    }

    /** Refuses, with the reason, a nonce that was never issued, is used up or has expired; changes nothing. */
    public void requireUsable(String nonce) {
        Optional<NonceState> state = jdbc.sql("select consumed_at, expires_at from siwe_nonce where nonce = :nonce")
                .param("nonce", nonce)
                .query((rs, row) -> new NonceState(rs.getObject("consumed_at", OffsetDateTime.class) != null,
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
        if (state.isEmpty()) {
            throw new SignInRejected(NONCE_UNKNOWN, "The nonce " + nonce + " was not issued by this site (or has expired and been forgotten).");
        }
        if (state.get().consumed()) {
            throw new SignInRejected(NONCE_REUSED, "The nonce " + nonce + " was already used to sign in; ask for a new one.");
        }
        if (!clock.instant().isBefore(state.get().expiresAt())) {
            throw new SignInRejected(NONCE_EXPIRED, "The nonce " + nonce + " has expired; ask for a new one.");
        }
    }

    /** Marks the nonce used, or says why it cannot be used. */
    public void consume(String nonce) {
        OffsetDateTime now = utc(clock.instant());
        int updated = jdbc.sql("""
                update siwe_nonce set consumed_at = :now
                where nonce = :nonce and consumed_at is null and expires_at > :now""")
                .param("now", now)
                .param("nonce", nonce)
                .update();
        if (updated == 1) {
            return;
        }
        requireUsable(nonce);
        throw new SignInRejected(NONCE_REUSED, "The nonce " + nonce + " was just used by another sign-in; ask for a new one.");
    }

    /**
     * Forgets expired nonces (a reused one is then "unknown" instead of "expired": refused either
     * way); idempotent, so every replica may run it.
     */
    @Scheduled(fixedDelayString = "${modeldao.identity.limits.purge-interval:PT1M}", initialDelayString = "${modeldao.identity.limits.purge-interval:PT1M}")
    void purgeOnSchedule() {
        purgeExpired();
    }

    /** @return how many expired nonces were deleted */
    public int purgeExpired() {
        return jdbc.sql("delete from siwe_nonce where expires_at <= :now")
                .param("now", utc(clock.instant()))
                .update();
    }

    private record NonceState(boolean consumed, Instant expiresAt) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A nonce and the end of its validity. */
    public record IssuedNonce(String nonce, Instant expiresAt) {
    }
}
