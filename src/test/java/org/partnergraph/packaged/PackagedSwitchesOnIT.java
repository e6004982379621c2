package org.partnergraph.packaged;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.ok;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * PARTNERGRAPH_GRAPHQL_UI and PARTNERGRAPH_INTROSPECTION turn the UI and introspection on in the
 * packaged jar at run time (a second launch of the jar).
 */
@QuarkusIntegrationTest
@TestProfile(PackagedJar.SwitchesOn.class)
class PackagedSwitchesOnIT {

    @Test
    void theGraphQLUiIsServed() {
        given().get("/q/graphql-ui/").then().statusCode(200);
    }

    @Test
    void introspectionIsAnswered() {
        assertEquals("Query", ok(GraphQLClient.anonymous().query("{ __schema { queryType { name } } }", Map.of()))
                .getString("data.__schema.queryType.name"));
        given().get("/graphql/schema.graphql").then().statusCode(200);
    }
}
