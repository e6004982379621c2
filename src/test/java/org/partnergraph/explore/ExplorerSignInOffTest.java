package org.partnergraph.explore;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * PARTNERGRAPH_EXPLORER_OIDC_CLIENT_ID empty (the default): no redirect sign-in, so the page is told nothing
 * about the issuer and may connect to this service only; a pasted token still works. One restart.
 */
@QuarkusTest
@TestProfile(ExplorerSignInOffTest.NoClientId.class)
class ExplorerSignInOffTest {

    public static class NoClientId implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Both keys: application.properties sets the %test one.
            return Map.of("partnergraph.explorer.oidc.client-id", "", "%test.partnergraph.explorer.oidc.client-id", "");
        }
    }

    @Test
    void withoutAClientIdThePageOffersNoRedirectSignInAndConnectsToThisServiceOnly() {
        given().get("/explore/config.json").then().statusCode(200)
                .body("redirectSignIn", equalTo(false))
                .body("issuer", nullValue())
                .body("clientId", nullValue());
        String policy = given().get("/explore").then().statusCode(200).extract().header("Content-Security-Policy");
        assertEquals("connect-src 'self'", ExplorerPageTest.directive(policy, "connect-src"), policy);
    }
}
