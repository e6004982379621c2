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

    static final String PROJECTOR_CHECK = "Change log and projector";
    static final String DB_CHECK = "Database connections health check";

    @AfterEach
    void restore() throws Exception {
        Neo4jTestResource.proxy().restore();
    }

    /**
     * A read runs as one auto-commit statement; the connection lost under it (what a transaction function would
     * retry) is retried once as a transaction on a fresh connection, and the client gets its answer.
     */
    @Test
    void aReadWhoseConnectionIsLostUnderItIsRetriedOnAFreshOne() {
        // The id is sent as the statement's parameter: the proxy drops the connection that carries it.
        Neo4jTestResource.proxy().dropWhenSent("chuxiong-medical-college");
        JsonPath body = GraphQLClient.anonymous().file("graph/organization", Map.of("id", "chuxiong-medical-college"));
        assertFalse(Neo4jTestResource.proxy().dropArmed(), "the connection was not dropped: the test proves nothing");
        assertNull(body.get("errors"), body.prettify());
        assertEquals("chuxiong-medical-college", body.getString("data.organization.id"));
    }

    @Test
    void readinessReportsEachStoreSeparately() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(PROJECTOR_CHECK))
                .body("checks.name", hasItem(DB_CHECK));
    }

    @Test
    void neo4jDownKeepsTheServiceReadyForWritesAndReadsAnswerGraphUnavailableThenRecovers() throws Exception {
        Neo4jTestResource.proxy().cut();

        // Writes are still accepted (they wait in the change log), so the replica stays in the Service;
        // the readiness data says the graph cannot be reached.
        String graphState = "checks.find { it.name == '" + PROJECTOR_CHECK + "' }.data.graph";
        Instant down = Instant.now().plus(Duration.ofSeconds(15));
        while (!"unreachable".equals(given().get("/q/health/ready").then().extract().path(graphState))
                && Instant.now().isBefore(down)) {
            Thread.sleep(200);
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body(graphState, is("unreachable"))
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
        Instant up = Instant.now().plus(Duration.ofSeconds(15));
        while (!"reachable".equals(given().get("/q/health/ready").then().extract().path(graphState))
                && Instant.now().isBefore(up)) {
            Thread.sleep(200);
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP")).body(graphState, is("reachable"));
    }
}
