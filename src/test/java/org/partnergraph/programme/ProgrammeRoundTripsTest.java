package org.partnergraph.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Nested programme fields are batched: a page costs the same number of Neo4j queries whatever its size. */
@QuarkusTest
class ProgrammeRoundTripsTest {

    /** The page with its totals, then one query per nested graph field (implementers, targets, responsibleOffices). */
    static final long EXPECTED_ROUND_TRIPS = 4;

    @Inject
    Graph graph;

    record Measured(JsonPath body, long roundTrips) {
    }

    Measured measure(int first) {
        long before = graph.roundTrips();
        JsonPath body = GraphQLClient.anonymous().file("programme/programmesRoundTrips",
                Map.of("filter", Map.of("year", 2018), "first", first));
        long roundTrips = graph.roundTrips() - before;
        assertNull(body.get("errors"), body::prettify);
        return new Measured(body, roundTrips);
    }

    @Test
    void nestedFieldsCostTheSameForFiveAndFiftyProgrammes() {
        Measured five = measure(5);
        Measured fifty = measure(50);

        assertEquals(5, five.body().getList("data.programmes.edges").size());
        assertEquals(50, fifty.body().getList("data.programmes.edges").size());
        // The fifty really have children to load, so the equality below is not vacuous.
        List<List<?>> implementers = fifty.body().getList("data.programmes.edges.node.implementers");
        List<List<?>> offices = fifty.body().getList("data.programmes.edges.node.responsibleOffices");
        assertTrue(implementers.stream().filter(l -> !l.isEmpty()).count() > 10);
        assertTrue(offices.stream().filter(l -> !l.isEmpty()).count() > 10);

        assertEquals(five.roundTrips(), fifty.roundTrips(),
                "5 programmes cost " + five.roundTrips() + " round trips, 50 cost " + fifty.roundTrips());
        assertEquals(EXPECTED_ROUND_TRIPS, fifty.roundTrips());
    }
}
