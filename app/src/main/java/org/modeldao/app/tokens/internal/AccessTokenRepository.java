package org.modeldao.app.tokens.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.modeldao.app.tokens.AccessToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issued-token records (ids and lifetimes, never the tokens). */
@Repository
public class AccessTokenRepository {

    private final JdbcClient jdbc;

    public AccessTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AccessToken token) {
        jdbc.sql("""
                insert into access_token (jti, subject, label, issued_at, expires_at)
                values (:jti, :subject, :label, :issuedAt, :expiresAt)""")
                .param("jti", token.jti())
                .param("subject", token.subject())
                .param("label", token.label())
                .param("issuedAt", utc(token.issuedAt()))
                .param("expiresAt", utc(token.expiresAt()))
                .update();
    }

    public List<AccessToken> findBySubject(String subject) {
        return jdbc.sql("select * from access_token where subject = :subject order by issued_at desc, jti")
                .param("subject", subject)
                .query(AccessTokenRepository::map)
                .list();
    }

    /** @return whether a not-yet-revoked token of this subject was revoked now */
    public boolean revoke(String subject, String jti, Instant now) {
        return jdbc.sql("update access_token set revoked_at = :now where jti = :jti and subject = :subject and revoked_at is null")
                .param("now", utc(now))
                .param("jti", jti)
                .param("subject", subject)
                .update() == 1;
    }

    public boolean exists(String subject, String jti) {
        return jdbc.sql("select count(*) from access_token where jti = :jti and subject = :subject")
                .param("jti", jti)
                .param("subject", subject)
                .query(Long.class)
                .single() > 0;
    }

    /** Revoked tokens that would otherwise still be accepted. */
    public List<AccessToken> findRevokedUnexpired(Instant now) {
        return jdbc.sql("select * from access_token where revoked_at is not null and expires_at > :now order by revoked_at, jti")
                .param("now", utc(now))
                .query(AccessTokenRepository::map)
                .list();
    }

    private static AccessToken map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        return new AccessToken(rs.getString("jti"), rs.getString("subject"), rs.getString("label"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                revokedAt == null ? null : revokedAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
