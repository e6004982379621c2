package org.partnergraph.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * The token's subject ({@code sub}) is who a caller is: the author of every change they write. A token
 * the issuer signed but whose subject is missing, blank, longer than {@value #MAX_LENGTH} characters or
 * holds control characters names nobody this service can record, so it is refused at sign-in (HTTP 401),
 * before any resolver runs, rather than written into the change log or failing there.
 */
@ApplicationScoped
class TokenSubject implements SecurityIdentityAugmentor {

    static final int MAX_LENGTH = 200;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String problem = problem(token.getSubject());
        return problem == null ? Uni.createFrom().item(identity)
                : Uni.createFrom().failure(new AuthenticationFailedException("token subject " + problem));
    }

    /** Why a subject cannot be recorded as an author, or null when it can. */
    static String problem(String subject) {
        if (subject == null || subject.isBlank()) {
            return "is missing";
        }
        if (subject.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (subject.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            return "holds control characters";
        }
        return null;
    }
}
