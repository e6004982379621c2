package org.partnergraph.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** When the page gets redirect sign-in, and the one origin its policy then adds. */
class ExplorerSignInTest {

    @Test
    void redirectSignInNeedsAClientIdAnIssuerAndSignInOn() {
        Optional<String> client = Optional.of("partnergraph-explorer");
        Optional<String> issuer = Optional.of("https://id.example.edu/realms/partnergraph/");
        assertEquals(Optional.of(new ExplorerSignIn("https://id.example.edu/realms/partnergraph", "partnergraph-explorer", "openid")),
                ExplorerSignIn.of(client, issuer, true, " openid "));
        assertTrue(ExplorerSignIn.of(Optional.empty(), issuer, true, "openid").isEmpty(), "no client id");
        assertTrue(ExplorerSignIn.of(client, Optional.empty(), true, "openid").isEmpty(), "no issuer");
        assertTrue(ExplorerSignIn.of(client, issuer, false, "openid").isEmpty(), "sign-in off (no OIDC_ISSUER in production)");
    }

    @Test
    void theOriginIsSchemeHostAndPortOfTheIssuer() {
        assertEquals(Optional.of("https://id.example.edu"), new ExplorerSignIn("https://ID.example.edu/realms/x", "c", "openid").origin());
        assertEquals(Optional.of("http://localhost:8180"), new ExplorerSignIn("http://localhost:8180/realms/x", "c", "openid").origin());
        assertEquals(Optional.empty(), new ExplorerSignIn("/explore/dev-oidc", "c", "openid").origin(), "relayed by this service");
        assertThrows(IllegalStateException.class, () -> new ExplorerSignIn("realms/x", "c", "openid").origin());
    }

    @Test
    void thePolicyAddsTheIssuersOriginToConnectSrcAndNothingElse() {
        assertEquals("connect-src 'self'", ExplorerPageTest.directive(ExplorerSignIn.contentSecurityPolicy(
                Optional.of(new ExplorerSignIn("/explore/dev-oidc", "c", "openid"))), "connect-src"));
        String off = ExplorerSignIn.contentSecurityPolicy(Optional.empty());
        String on = ExplorerSignIn.contentSecurityPolicy(Optional.of(new ExplorerSignIn("https://id.example.edu/realms/x", "c", "openid")));
        assertEquals("connect-src 'self'", ExplorerPageTest.directive(off, "connect-src"));
        assertEquals("connect-src 'self' https://id.example.edu", ExplorerPageTest.directive(on, "connect-src"));
        assertEquals(off, on.replace(" https://id.example.edu", ""), "no other directive changes");
    }
}
