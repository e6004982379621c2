package org.partnergraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A protected operation (graphStats, role analyst) with real signed tokens from the OIDC test server. */
@QuarkusTest
class ProtectedOperationTest {

    static final String QUERY = "security/graphStats";

    @Test
    void anonymousCallerIsUnauthenticated() {
        JsonPath body = GraphQLClient.anonymous().file(QUERY);
        assertEquals("UNAUTHENTICATED", body.getString("errors[0].extensions.code"));
        assertNull(body.get("data"));
    }

    @Test
    void viewerIsForbidden() {
        JsonPath body = GraphQLClient.as("vera", Roles.VIEWER).file(QUERY);
        assertEquals("FORBIDDEN", body.getString("errors[0].extensions.code"));
        assertTrue(body.getString("errors[0].message").contains("analyst"));
    }

    @Test
    void analystGetsTheCounts() {
        JsonPath body = GraphQLClient.as("alice", Roles.ANALYST).file(QUERY);
        assertNull(body.get("errors"));
        List<String> labels = body.getList("data.graphStats.labels.name");
        assertTrue(labels.contains("Organization"), "labels: " + labels);
    }

    @Test
    void higherRolesIncludeLowerOnes() {
        JsonPath body = GraphQLClient.as("root", Roles.ADMIN).file(QUERY);
        assertNull(body.get("errors"));
    }

    @Test
    void unsignedTokenIsRejectedWithHttp401() {
        // alg "none": claims admin, carries no signature.
        GraphQLClient.withRawToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5IiwiZ3JvdXBzIjpbImFkbWluIl19.")
                .request(GraphQLClient.document(QUERY), Map.of())
                .post("/graphql").then().statusCode(401);
    }
}
