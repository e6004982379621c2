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
            // CORS origins as production has them by default: none (the empty value unsets the test profile's).
            // Compression off too: not a production default, but its switch is seen to work without another restart.
            return Map.of("partnergraph.graphql.introspection", "false",
                    "quarkus.smallrye-graphql.ui.enabled", "false",
                    "%test.quarkus.http.cors.origins", "",
                    "partnergraph.http.compression", "false");
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
    void theStandardIntrospectionQueryIsRefusedAsIntrospection() {
        // Refused for being introspection, not for its depth: the message points to the published schema.
        assertError(CLIENT.file("introspection/full"), "BAD_USER_INPUT", "introspection");
        assertError(CLIENT.file("introspection/graphiql"), "BAD_USER_INPUT", "introspection");
    }

    @Test
    void noOtherOriginIsAllowedUnlessConfigured() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then().statusCode(403).header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        // Non-browser clients send no Origin and are served as before.
        ok(CLIENT.query("{ __typename }", Map.of()));
    }

    @Test
    void withCompressionSwitchedOffAnswersArePlainEvenWhenGzipIsAccepted() throws Exception {
        java.net.http.HttpResponse<byte[]> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(graphql.toString()))
                        .header("Content-Type", "application/json").header("Accept-Encoding", "gzip, br")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"query\":\"{ organizations(first: 100) { edges { node { id name } } } }\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode());
        assertEquals("identity", answer.headers().firstValue("Content-Encoding").orElse("identity"));
        assertEquals(100, new io.restassured.path.json.JsonPath(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8))
                .getList("data.organizations.edges").size());
    }

    @io.quarkus.test.common.http.TestHTTPResource("/graphql")
    java.net.URL graphql;

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
