package org.partnergraph.graph;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;
import org.partnergraph.testing.Neo4jTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Neo4j going away and coming back, as seen by clients and by the orchestrator's probes. */
@QuarkusTest
class GraphOutageTest {

    static final String NEO4J_CHECK = "Neo4j connection health check";
    static final String DB_CHECK = "Database connections health check";

    @AfterEach
    void restore() throws Exception {
        Neo4jTestResource.proxy().restore();
    }

    @Test
    void readinessReportsEachStoreSeparately() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(NEO4J_CHECK))
                .body("checks.name", hasItem(DB_CHECK));
    }

    @Test
    void neo4jDownGivesReadinessDownAndGraphUnavailableThenRecovers() throws Exception {
        Neo4jTestResource.proxy().cut();

        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == '" + NEO4J_CHECK + "' }.status", is("DOWN"))
                .body("checks.find { it.name == '" + DB_CHECK + "' }.status", is("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));

        JsonPath body = GraphQLClient.anonymous().file("graph/organization", Map.of("id", "kashgar-polytechnic"));
        assertEquals("GRAPH_UNAVAILABLE", body.getString("errors[0].extensions.code"));
        assertFalse(body.prettify().contains("at org."), "no stack trace: " + body.prettify());
        assertFalse(body.prettify().contains("Exception"), "no exception names: " + body.prettify());

        Neo4jTestResource.proxy().restore();

        // The driver reconnects by itself; no restart, no manual step.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonPath recovered;
        do {
            recovered = GraphQLClient.anonymous().file("graph/organization", Map.of("id", "kashgar-polytechnic"));
        } while (recovered.get("errors") != null && Instant.now().isBefore(deadline));
        assertNull(recovered.get("errors"), recovered.prettify());
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }
}
