package org.partnergraph.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UiStartTest {

    @Test
    void rootOpensTheGraphQLUiOnAWorkingExample() {
        String location = given().redirects().follow(false).get("/").then().statusCode(302).extract().header("Location");
        assertTrue(location.startsWith("/q/graphql-ui/?query="), location);
        String query = URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
        assertTrue(query.contains("supportersOf"), query);
        // The example must run as it stands.
        assertTrue(!ok(GraphQLClient.anonymous().query(query, Map.of())).getList("data.supportersOf").isEmpty());
        given().get("/q/graphql-ui/").then().statusCode(200);
    }
}
