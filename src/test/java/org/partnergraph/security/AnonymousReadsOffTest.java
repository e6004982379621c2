package org.partnergraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With anonymous reads switched off, nothing answers without a signed-in viewer. This profile restarts Quarkus once. */
@QuarkusTest
@TestProfile(AnonymousReadsOffTest.SignedInOnly.class)
class AnonymousReadsOffTest {

    public static class SignedInOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnergraph.security.anonymous-reads", "false");
        }
    }

    static final String PUBLIC_QUERY = "{ organization(id: \"kashgar-polytechnic\") { name departments { name } } }";

    @Test
    void anonymousCallersGetNothing() {
        assertError(GraphQLClient.anonymous().query(PUBLIC_QUERY, Map.of()), "UNAUTHENTICATED", "viewer");
        assertError(GraphQLClient.anonymous().query("{ search(text: \"喀什\") { score } }", Map.of()), "UNAUTHENTICATED",
                "viewer");
        assertError(GraphQLClient.anonymous().query("{ documents { id } }", Map.of()), "UNAUTHENTICATED", "viewer");
    }

    @Test
    void aSignedInViewerReadsAsBefore() {
        assertEquals("喀什理工职业技术学院", ok(GraphQLClient.as("victor", "viewer").query(PUBLIC_QUERY, Map.of()))
                .getString("data.organization.name"));
    }

    @Test
    void aTokenWithoutARoleIsNotEnough() {
        assertError(GraphQLClient.as("nobody").query(PUBLIC_QUERY, Map.of()), "FORBIDDEN", "viewer");
    }
}
