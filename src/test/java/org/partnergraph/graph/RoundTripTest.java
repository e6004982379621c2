package org.partnergraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A nested request costs at most one Cypher round trip per field level, whatever the number of
 * parents. The count may even drop: when loads of the same field from two levels are pending at once
 * (organisations' region and their partners' supporters' region), the DataLoader sends them as one.
 */
@QuarkusTest
class RoundTripTest {

    @Inject
    Graph graph;

    long roundTrips(int first) {
        long before = graph.roundTrips();
        int returned = ok(GraphQLClient.anonymous().file("organization/nested", Map.of("first", first)))
                .getList("data.organizations.edges").size();
        assertEquals(first, returned);
        return graph.roundTrips() - before;
    }

    @Test
    void nestedRequestCostsTheSameForTwentyAndAHundredParents() {
        long twenty = roundTrips(20);
        long hundred = roundTrips(100);
        assertTrue(hundred <= twenty, "round trips must not grow with the number of parents: " + twenty + " → " + hundred);
        // organizations (count + page), region, region.parent, departments, memberOf, members, partners,
        // partners.supporter.region — 9 statements (sources go to PostgreSQL, not Neo4j).
        assertTrue(hundred <= 10, "round trips: " + hundred);
        System.out.printf("Round trips for the nested request: %d (20 parents), %d (100 parents)%n", twenty, hundred);
    }
}
