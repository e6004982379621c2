package org.partnergraph.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Sign-in is turned off only for a production start with no issuer anywhere. */
class SignInDefaultsTest {

    static boolean off(boolean prod, Map<String, String> settings) {
        return SignInDefaults.signInOff(prod, settings::get);
    }

    @Test
    void aProductionStartWithoutAnIssuerHasSignInOff() {
        assertTrue(off(true, Map.of()));
    }

    @Test
    void anIssuerInAnyOfItsPlacesKeepsSignInOn() {
        assertFalse(off(true, Map.of("OIDC_ISSUER", "https://id.example.org/realms/partnergraph")));
        assertFalse(off(true, Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", "https://id.example.org/realms/partnergraph")));
        assertFalse(off(true, Map.of("quarkus.oidc.auth-server-url", "https://id.example.org/realms/partnergraph")));
    }

    @Test
    void devAndTestAreLeftAlone() {
        assertFalse(off(false, Map.of()));
    }
}
