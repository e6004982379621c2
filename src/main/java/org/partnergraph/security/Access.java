package org.partnergraph.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.partnergraph.common.ForbiddenException;
import org.partnergraph.common.UnauthenticatedException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Authorisation checks for the service layer. Services call these (rather than relying on
 * annotations on the API) so that a rule holds however a field is reached: top level, nested or
 * through a filter.
 */
@ApplicationScoped
public class Access {

    /** Highest first: holding one grants everything below it. */
    private static final List<String> LADDER = List.of(Roles.ADMIN, Roles.EDITOR, Roles.ANALYST, Roles.VIEWER);

    private final SecurityIdentity identity;

    Access(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN for callers below {@code role}. */
    public void require(String role) {
        require(identity, role);
    }

    /**
     * The same check for an identity the caller holds: HTTP routes outside GraphQL (exports) run where no
     * request-scoped identity is injected, and read theirs from the request.
     */
    public static void require(SecurityIdentity identity, String role) {
        if (identity.isAnonymous()) {
            throw new UnauthenticatedException("Sign in: this needs the role '" + role + "'.");
        }
        if (!has(identity, role)) {
            throw new ForbiddenException("This needs the role '" + role + "'.");
        }
    }

    public boolean has(String role) {
        return has(identity, role);
    }

    private static boolean has(SecurityIdentity identity, String role) {
        int needed = LADDER.indexOf(role);
        for (int i = 0; i <= needed; i++) {
            if (identity.hasRole(LADDER.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The token subject ({@code sub}, checked by {@link TokenSubject}), recorded as the author of changes;
     * null when anonymous. Never the principal's name: Quarkus takes that from {@code preferred_username}
     * when the token has one, a claim the holder may choose, so a token naming itself "system:dataset-seed"
     * would have written as the seeder.
     */
    public String subject() {
        if (identity.isAnonymous()) {
            return null;
        }
        return identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : identity.getPrincipal().getName();
    }
}
