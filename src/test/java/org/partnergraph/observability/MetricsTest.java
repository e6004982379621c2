package org.partnergraph.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;

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
}
