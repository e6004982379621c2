package org.partnergraph.security;

/**
 * The roles a token can carry (claim configured by {@code quarkus.oidc.roles.role-claim-path}).
 * Each role includes the ones before it: an editor may do what an analyst may.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
