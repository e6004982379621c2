package org.partnergraph.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The switches production turns off (introspection and the GraphQL UI), set here as %prod sets them;
 * {@link ProductionConfigTest} checks that %prod does set them so. This profile restarts Quarkus once.
 */
@QuarkusTest
@TestProfile(ProductionSwitchesTest.Production.class)
class ProductionSwitchesTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnergraph.graphql.introspection", "false",
                    "quarkus.smallrye-graphql.ui.enabled", "false");
        }
    }

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    @Test
    void introspectionIsRefusedWithACode() {
        assertError(CLIENT.query("{ __schema { queryType { name } } }", Map.of()), "BAD_USER_INPUT", "introspection");
        assertError(CLIENT.query("{ __type(name: \"Organization\") { fields { name } } }", Map.of()), "BAD_USER_INPUT",
                "introspection");
        // Hidden in a fragment at the root, as GraphiQL's own introspection query does.
        assertError(CLIENT.query("query Q { ...Schema } fragment Schema on Query { __schema { types { name } } }", Map.of()),
                "BAD_USER_INPUT", "introspection");
    }

    @Test
    void theSchemaFileEndpointIsNotServed() {
        given().get("/graphql/schema.graphql").then().statusCode(404);
    }

    @Test
    void theGraphQLUiIsNotServedAndTheRootDoesNotLeadToIt() {
        given().get("/q/graphql-ui/").then().statusCode(404);
        given().redirects().follow(false).get("/").then().statusCode(404);
    }

    @Test
    void queriesAndTypeNamesStillWork() {
        // __typename is not introspection: clients need it to tell the types of a Node apart.
        assertEquals("Organization", ok(CLIENT.query("{ node(id: \"kashgar-polytechnic\") { __typename id } }", Map.of()))
                .getString("data.node.__typename"));
    }
}
