package org.partnergraph.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every error a client can cause carries a contract code and no internals, including the requests
 * SmallRye would answer itself, without a code or with a 500 (GraphQLRequestGuard answers those).
 */
@QuarkusTest
class ErrorCodesTest {

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    @Test
    void unknownFieldIsBadUserInput() {
        assertError(CLIENT.query("{ organization(id: \"kashgar-polytechnic\") { phoneNumber } }", Map.of()),
                "BAD_USER_INPUT", "phoneNumber");
    }

    @Test
    void wrongArgumentTypeIsBadUserInput() {
        assertError(CLIENT.query("{ search(text: \"喀什\", first: \"ten\") { score } }", Map.of()), "BAD_USER_INPUT", "");
        assertError(CLIENT.query("query($f: Int) { search(text: \"喀什\", first: $f) { score } }", Map.of("f", "ten")),
                "BAD_USER_INPUT", "");
    }

    @Test
    void explicitNullForADefaultedArgumentMeansTheDefault() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("f", null);
        ok(CLIENT.query("query($f: Int) { search(text: \"喀什\", first: $f) { score } }", variables));
        ok(CLIENT.query("query($h: Int) { shortestPath(fromId: \"yunnan\", toId: \"yunnan-chuxiong\", maxHops: $h) { length } }",
                variables));
    }

    @Test
    void unknownEnumValueIsBadUserInput() {
        assertError(CLIENT.query("{ organizations(filter: {kind: [CASTLE]}) { totalCount } }", Map.of()),
                "BAD_USER_INPUT", "");
    }

    @Test
    void aDocumentThatDoesNotParseIsBadUserInputWithItsLocation() {
        JsonPath body = CLIENT.query("{ organization(id: \"x\" { id } }", Map.of());
        assertError(body, "BAD_USER_INPUT", "document");
        assertEquals(24, body.getInt("errors[0].locations[0].column"));
    }

    @Test
    void aBodyThatIsNoGraphQLRequestIsBadUserInput() {
        // Not JSON at all: HTTP 400, as the GraphQL-over-HTTP spec asks, still with the coded error.
        assertError(given().contentType(ContentType.JSON).body("{\"query\": ").post("/graphql").then().statusCode(400)
                .extract().jsonPath(), "BAD_USER_INPUT", "body");
        assertError(post("{\"variables\": {}}"), "BAD_USER_INPUT", "query");
        assertError(post("{\"query\": \"query($id: ID!) { organization(id: $id) { id } }\", \"variables\": \"x\"}"),
                "BAD_USER_INPUT", "variables");
    }

    @Test
    void anOperationNameThatPicksNoOperationIsBadUserInput() {
        assertError(post("{\"query\": \"query A { documents { id } }\", \"operationName\": \"B\"}"), "BAD_USER_INPUT",
                "operationName");
        assertError(post("{\"query\": \"query A { documents { id } } query B { regions { id } }\"}"), "BAD_USER_INPUT",
                "operationName");
    }

    @Test
    void anIntOutsideTheThirtyTwoBitRangeIsBadUserInputNotWrappedAround() {
        // SmallRye alone would read 4294967297 as 1 and answer a one-item page.
        assertError(CLIENT.query("{ organizations(first: 4294967297) { totalCount } }", Map.of()), "BAD_USER_INPUT", "Int");
        assertError(CLIENT.query("query($f: Int) { organizations(first: $f) { totalCount } }", Map.of("f", 4294967297L)),
                "BAD_USER_INPUT", "Int");
        assertError(CLIENT.query("query($f: Int) { organizations(first: $f) { totalCount } }", Map.of("f", 1.5)),
                "BAD_USER_INPUT", "Int");
    }

    static JsonPath post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(200).extract().jsonPath();
    }
}
