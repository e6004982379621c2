package org.partnergraph.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every request limit at its default (application.properties, "## GraphQL") answers LIMIT_EXCEEDED with a
 * message naming the limit, and a request just inside it still works.
 */
@QuarkusTest
class QueryLimitsTest {

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    static String repeat(int times, java.util.function.IntFunction<String> part) {
        return IntStream.range(0, times).mapToObj(part).collect(Collectors.joining(" "));
    }

    @Test
    void tooDeepAQueryIsRefused() {
        String deep = "{ region(id: \"shanghai-jiading\") { " + "parent { ".repeat(14) + "id" + " }".repeat(14) + " } }";
        assertError(CLIENT.query(deep, Map.of()), "LIMIT_EXCEEDED", "depth");
    }

    @Test
    void tooComplexAQueryIsRefused() {
        // 30 lookups (within the alias limit) of 35 fields each: 30 × 36 = 1080 selections > 1000.
        String fields = "id name kind nameEn shortNames " + "region { id name nameEn level shortNames } ".repeat(5);
        String query = "{ " + repeat(30, i -> "o" + i + ": organization(id: \"kashgar-polytechnic\") { ...Big }")
                + " } fragment Big on Organization { " + fields + " }";
        assertError(CLIENT.query(query, Map.of()), "LIMIT_EXCEEDED", "complexity");
    }

    @Test
    void tooManyTokensIsRefusedWhileParsing() {
        // 16 tokens around the list, n enum values in it, and graphql-java counts the end of the document:
        // 16 + 4983 + 1 = 5000 is the limit, one more is refused.
        String around = "{ organizations(filter: {kind: [%s]}) { totalCount } }";
        assertError(CLIENT.query(around.formatted("SCHOOL ".repeat(4984)), Map.of()), "LIMIT_EXCEEDED", "tokens");
        ok(CLIENT.query(around.formatted("SCHOOL ".repeat(4983)), Map.of()));
    }

    @Test
    void tooManyAliasesIsRefused() {
        assertError(CLIENT.query("{ " + repeat(31, i -> "a" + i + ": __typename") + " }", Map.of()), "LIMIT_EXCEEDED",
                "aliases");
        ok(CLIENT.query("{ " + repeat(30, i -> "a" + i + ": __typename") + " }", Map.of()));
    }

    @Test
    void aliasesInAFragmentCountAtEachSpread() {
        String query = "{ r1: region(id: \"yunnan\") { ...R } r2: region(id: \"shanghai\") { ...R } "
                + "r3: region(id: \"xinjiang\") { ...R } } fragment R on Region { " + repeat(10, i -> "a" + i + ": id") + " }";
        assertError(CLIENT.query(query, Map.of()), "LIMIT_EXCEEDED", "aliases");
    }

    @Test
    void tooManyDirectivesIsRefused() {
        assertError(CLIENT.query("{ " + repeat(21, i -> "f" + i + ": __typename @include(if: true)") + " }", Map.of()),
                "LIMIT_EXCEEDED", "directives");
        ok(CLIENT.query("{ " + repeat(20, i -> "f" + i + ": __typename @include(if: true)") + " }", Map.of()));
    }

    @Test
    void aResponseOfMoreThanTheNodeLimitIsRefusedWhole() {
        // 26 pages of 100 organisations: 26 × (100 edges + 100 nodes) = 5200 objects > 5000; each part
        // of the query is within every other limit.
        String query = "{ " + repeat(26, i -> "p" + i + ": organizations(first: 100) { edges { node { id } } }") + " }";
        JsonPath body = CLIENT.query(query, Map.of());
        assertError(body, "LIMIT_EXCEEDED", "nodes");
        assertEquals(1, body.getList("errors").size(), body::prettify);
        assertTrue(body.get("data") == null, "no partial data: " + body.prettify());
        JsonPath within = ok(CLIENT.query("{ " + repeat(24, i -> "p" + i + ": organizations(first: 100) { edges { node { id } } }")
                + " }", Map.of()));
        assertEquals(100, within.getList("data.p23.edges").size());
    }

    @Test
    void aDeepButReasonablePageStillWorks() {
        JsonPath body = ok(CLIENT.file("organization/nested", Map.of("first", 100)));
        assertEquals(100, body.getList("data.organizations.edges").size());
    }

    @Test
    void aPageAboveTheLimitIsRefusedOnEveryConnectionNestedOnesIncluded() {
        assertError(CLIENT.query("{ organizations(first: 101) { totalCount } }", Map.of()), "LIMIT_EXCEEDED", "first");
        assertError(CLIENT.query("{ programmes(first: 101) { totalCount } }", Map.of()), "LIMIT_EXCEEDED", "first");
        assertError(CLIENT.query("{ organization(id: \"alliance-hu-dian\") { members(first: 101) { totalCount } } }",
                Map.of()), "LIMIT_EXCEEDED", "first");
        assertError(CLIENT.query("{ organization(id: \"kashgar-polytechnic\") { partners(first: 101) { totalCount } } }",
                Map.of()), "LIMIT_EXCEEDED", "first");
        assertError(CLIENT.query("{ region(id: \"yunnan\") { organizations(first: 101) { totalCount } } }", Map.of()),
                "LIMIT_EXCEEDED", "first");
        assertError(CLIENT.query("{ organizations(first: 0) { totalCount } }", Map.of()), "BAD_USER_INPUT", "first");
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeParsing() {
        String big = "x".repeat(300 * 1024);
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("query", "query($t: String!) { search(text: $t) { score } }", "variables", Map.of("t", big)))
                .post("/graphql").then().statusCode(413).extract().asString();
        assertFalse(body.contains("<html") || body.contains("Exception") || body.contains("at org."), body);
    }

    @Test
    void aBatchIsRefusedWithACode() {
        String body = "[" + String.join(",", List.of("{\"query\":\"{ documents { id } }\"}", "{\"query\":\"{ documents { id } }\"}")) + "]";
        JsonPath answer = given().contentType(ContentType.JSON).body(body).post("/graphql")
                .then().statusCode(200).extract().jsonPath();
        assertError(answer, "BAD_USER_INPUT", "batch");
    }
}
