package org.partnergraph.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** After a few requests, /q/metrics shows requests per operation, latency, errors by code and Cypher statements. */
@QuarkusTest
class MetricsTest {

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample's value, or 0 when the series does not exist yet. */
    static double value(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).trim().split("\\s+")[0]))
                .findFirst().orElse(0);
    }

    @Test
    void requestsLatencyErrorsAndCypherStatementsAreExposed() {
        String before = metrics();
        GraphQLClient client = GraphQLClient.anonymous();
        client.query("{ search(text: \"喀什\", first: 3) { score } }", Map.of());
        client.query("{ search(text: \"喀什\", first: 3) { score } }", Map.of());
        client.query("{ supportersOf(id: \"no-such-id\") { id } }", Map.of());
        client.query("{ organization(id: \"kashgar-polytechnic\") { phoneNumber } }", Map.of());
        String after = metrics();

        String searchCount = "partnergraph_graphql_requests_seconds_count{operation=\"query:search\",outcome=\"ok\"}";
        assertTrue(value(after, searchCount) - value(before, searchCount) >= 2,
                searchCount + " before " + value(before, searchCount) + " after " + value(after, searchCount));
        assertTrue(after.contains("partnergraph_graphql_requests_seconds_sum{operation=\"query:search\""), "latency");
        assertTrue(after.contains("partnergraph_graphql_requests_seconds_max{operation=\"query:search\""), "latency");

        String notFound = "partnergraph_graphql_errors_total{code=\"NOT_FOUND\",operation=\"query:supportersOf\"}";
        assertTrue(value(after, notFound) - value(before, notFound) >= 1,
                notFound + " before " + value(before, notFound) + " after " + value(after, notFound));
        String invalid = "partnergraph_graphql_errors_total{code=\"BAD_USER_INPUT\",operation=\"invalid\"}";
        assertTrue(value(after, invalid) - value(before, invalid) >= 1, invalid);

        String statements = "partnergraph_cypher_statements_total";
        assertTrue(value(after, statements) - value(before, statements) >= 3, "Cypher statements counted");
        assertTrue(after.contains("http_server_requests_seconds_count"), "HTTP request metrics");
    }

    @Test
    void theNeo4jConnectionPoolIsExposed() {
        GraphQLClient.anonymous().query("{ search(text: \"喀什\", first: 1) { score } }", Map.of());
        String metrics = metrics();

        assertTrue(value(metrics, "neo4j_acquired_total") >= 1,
                "connections acquired from the Neo4j pool: " + metrics.lines().filter(line -> line.startsWith("neo4j")).toList());
        assertTrue(metrics.contains("neo4j_totalInUseCount_total "), "connections in use");
        assertTrue(metrics.contains("neo4j_timedOutToAcquire_total "), "acquisitions that timed out");
    }

    @Test
    void theProjectorsLagIsExposed() {
        String before = metrics();
        JsonPath written = GraphQLClient.as("eddie", "editor").query("""
                mutation { upsertOrganization(input: {id: "test-metrics-school", name: "指标测试学校", kind: SCHOOL,
                  source: {documentId: "doc-2023-chu-jiaofu-31", quote: "学校"}}) { change { status } } }""", Map.of());
        assertEquals("APPLIED", written.getString("data.upsertOrganization.change.status"), written.prettify());
        String after = metrics();

        assertTrue(after.contains("partnergraph_projector_pending "), "pending changes");
        assertTrue(after.contains("partnergraph_projector_lag_seconds "), "lag");
        assertEquals(0, value(after, "partnergraph_projector_pending"), "nothing pending once applied");
        String applied = "partnergraph_projector_applied_total";
        assertTrue(value(after, applied) - value(before, applied) >= 1, applied);
        assertTrue(after.contains("partnergraph_projector_failed_total "), "refused changes");
    }
}
