package org.partnergraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnergraph.testing.Responses.assertError;
import static org.partnergraph.testing.Responses.ok;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Depth, complexity and size limits answer LIMIT_EXCEEDED, and say which limit. */
@QuarkusTest
class QueryLimitsTest {

    static final GraphQLClient CLIENT = GraphQLClient.anonymous();

    @Test
    void tooDeepAQueryIsRefused() {
        String deep = "{ region(id: \"shanghai-jiading\") { " + "parent { ".repeat(14) + "id" + " }".repeat(14) + " } }";
        JsonPath body = CLIENT.query(deep, Map.of());
        assertError(body, "LIMIT_EXCEEDED", "depth");
    }

    @Test
    void tooComplexAQueryIsRefused() {
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            aliases.append(" a").append(i).append(": organization(id: \"kashgar-polytechnic\") { id name kind shortNames nameEn }");
        }
        JsonPath body = CLIENT.query(aliases.append(" }").toString(), Map.of());
        assertError(body, "LIMIT_EXCEEDED", "complexity");
    }

    @Test
    void aDeepButReasonablePageStillWorks() {
        JsonPath body = ok(CLIENT.file("organization/nested", Map.of("first", 100)));
        assertEquals(100, body.getList("data.organizations.edges").size());
    }
}
