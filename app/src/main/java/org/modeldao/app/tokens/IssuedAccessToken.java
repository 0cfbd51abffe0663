package org.modeldao.app.tokens;

/** A freshly signed JWT: shown to its holder once, then only its {@link AccessToken} record remains. */
public record IssuedAccessToken(AccessToken record, String jwt) {
}
