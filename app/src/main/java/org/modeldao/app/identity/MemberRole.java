package org.modeldao.app.identity;

/** What a signed-in account may do, derived from the chain at sign-in (ADMIN from configuration). */
public enum MemberRole {
    /** Holds tokens or has voting power delegated to it. */
    MEMBER,
    /** Has at least the governor's proposal threshold in votes. */
    PROPOSER,
    /** Listed in modeldao.identity.admin-addresses. */
    ADMIN;

    /** Spring Security authority, usable with {@code @RolesAllowed("MEMBER")}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
