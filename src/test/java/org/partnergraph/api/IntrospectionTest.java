package org.partnergraph.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Introspection, where it is on, answers the queries tools really send (GraphiQL, codegen), though they go
 * deeper than the data depth limit; it has its own bound (good-faith introspection), and introspecting does
 * not lift the limits from the data fields of the same document. The documents are graphql-js output
 * (src/test/resources/graphql/introspection/SOURCE.md).
 */
@QuarkusTest
class IntrospectionTest {

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    @Test
    void theFullStandardIntrospectionQueryAnswers() {
        JsonPath body = ok(CLIENT.file("introspection/full"));
        assertEquals("Query", body.getString("data.__schema.queryType.name"));
        assertEquals("Mutation", body.getString("data.__schema.mutationType.name"));
        List<String> types = body.getList("data.__schema.types.name");
        assertTrue(types.contains("Organization") && types.contains("OrganizationFilter"), types::toString);
        // The parts a plain query would not ask for: directives with isRepeatable, input value deprecation.
        List<Boolean> repeatable = body.getList("data.__schema.directives.isRepeatable");
        assertTrue(!repeatable.isEmpty() && repeatable.stream().allMatch(r -> r != null), repeatable::toString);
        assertTrue(body.getString("data.__schema.types.find { it.name == 'Organization' }.description").length() > 0);
    }

    @Test
    void theIntrospectionGraphiQLSendsAnswersAsGraphiQLSendsIt() {
        // As the bundled GraphiQL's fetcher sends it (render.js, schema.tsx): POST, these headers, this body.
        JsonPath body = given().header("Accept", "application/json").header("Content-Type", "application/json")
                .body(Map.of("query", GraphQLClient.document("introspection/graphiql"), "operationName", "IntrospectionQuery"))
                .post("/graphql").then().statusCode(200).contentType("application/json").extract().jsonPath();
        ok(body);
        assertTrue(body.getList("data.__schema.types").size() > 20);
    }

    @Test
    void introspectionThatRepeatsTheFieldsThatCycleIsRefusedWithACode() {
        String cycle = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
        assertError(CLIENT.query(cycle, Map.of()), "LIMIT_EXCEEDED", "__Type.fields");
        String twice = "{ a: __type(name: \"Organization\") { name } b: __type(name: \"Region\") { name } }";
        assertError(CLIENT.query(twice, Map.of()), "LIMIT_EXCEEDED", "__type");
        // Through a fragment spread twice: counted at each spread.
        String spread = "{ __schema { types { ...F } queryType { ...F } } } fragment F on __Type { interfaces { name } }";
        assertError(CLIENT.query(spread, Map.of()), "LIMIT_EXCEEDED", "__Type.interfaces");
    }

    @Test
    void introspectionDeeperThanItsOwnBoundIsRefused() {
        String deep = "{ __type(name: \"Organization\") { " + "ofType { ".repeat(20) + "name" + " }".repeat(20) + " } }";
        assertError(CLIENT.query(deep, Map.of()), "LIMIT_EXCEEDED", "introspection");
    }

    @Test
    void dataFieldsBesideIntrospectionKeepTheirLimits() {
        String mixed = "{ __schema { queryType { name } } region(id: \"shanghai-jiading\") { "
                + "parent { ".repeat(14) + "id" + " }".repeat(14) + " } }";
        assertError(CLIENT.query(mixed, Map.of()), "LIMIT_EXCEEDED", "depth");
        String aliases = "{ __schema { queryType { name } } "
                + String.join(" ", java.util.stream.IntStream.range(0, 31).mapToObj(i -> "a" + i + ": __typename").toList()) + " }";
        assertError(CLIENT.query(aliases, Map.of()), "LIMIT_EXCEEDED", "aliases");
    }
}
