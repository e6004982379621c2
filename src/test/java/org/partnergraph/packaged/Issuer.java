package org.partnergraph.packaged;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;

/**
 * An OIDC issuer (discovery document, keys) for the packaged jar, which is pointed at it through
 * OIDC_ISSUER as production is, and real RS256 tokens for it. The jar takes the production defaults
 * for everything else: a token's audience must be {@value #AUDIENCE}.
 */
public class Issuer extends OidcWiremockTestResource {

    /** OIDC_CLIENT_ID's default: the audience production requires. */
    static final String AUDIENCE = "partnergraph-api";
    /** The issuer the discovery document names, and so the one a token's iss must name. */
    static final String ISSUER = "https://server.example.com";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("OIDC_ISSUER", config.get("keycloak.url") + "/realms/quarkus");
        return config;
    }

    /** A token the issuer signed, for this service. */
    static String token(String user, String... roles) {
        return tokenFor(AUDIENCE, user, roles);
    }

    /** A token the issuer signed, but for another client. */
    static String tokenFor(String audience, String user, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of(roles), user, "Bearer", Set.of(audience), null);
    }

    /** Every claim as the issuer would write it, and its key id, but signed with a key the issuer does not have. */
    static String forged(String user, String... roles) {
        return Jwt.preferredUserName(user).groups(Set.of(roles)).subject(user).issuer(ISSUER).audience(AUDIENCE)
                .jws().keyId("1").sign(otherKey());
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
