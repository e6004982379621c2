package org.partnergraph.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnergraph.testing.Responses.ok;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnergraph.graph.Graph;
import org.partnergraph.read.CompiledReads;
import org.partnergraph.testing.GraphQLClient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.graphql.schema.model.Schema;

/**
 * DataLoaders are made when a request first needs one, not all 60-odd for every request: SmallRye is left
 * with no batch operations to build per request, and the batched resolvers (the read planner switched
 * off, or a field it does not compile) still batch, one statement for any number of parents, with two
 * aliases of one field under different arguments answered apart.
 */
@QuarkusTest
class LazyDataLoadersTest {

    static final String PARTNERS = """
            query ($first: Int!) {
              organizations(first: $first) {
                edges { node { id
                  one: partners(first: 1) { totalCount edges { node { id } } }
                  two: partners(first: 2) { edges { node { id } } }
                } }
              }
            }""";

    @Inject
    Schema model;

    @Inject
    Graph graph;

    @Inject
    CompiledReads planner;

    @Test
    void smallRyeIsLeftNoDataLoadersToBuildPerRequest() {
        ok(GraphQLClient.anonymous().query("{ organizations(first: 1) { totalCount } }", Map.of()));
        assertEquals(List.of(), model.getBatchOperations());
    }

    @Test
    void batchedResolversStillBatchAndKeepAliasesWithDifferentArgumentsApart() {
        String compiled = GraphQLClient.anonymous().query(PARTNERS, Map.of("first", 30)).prettify();
        planner.enabled(false);
        try {
            long five = statements(5);
            long thirty = statements(30);
            assertTrue(thirty <= five, "statements grew with the parents: " + five + " -> " + thirty);
            JsonPath resolved = GraphQLClient.anonymous().query(PARTNERS, Map.of("first", 30));
            assertEquals(compiled, resolved.prettify(), "resolvers and planner answer differently");
            List<Map<String, Object>> nodes = ok(resolved).getList("data.organizations.edges.node");
            boolean someHaveTwo = false;
            for (Map<String, Object> node : nodes) {
                @SuppressWarnings("unchecked")
                int total = (Integer) ((Map<String, Object>) node.get("one")).get("totalCount");
                assertEquals(Math.min(1, total), edges(node, "one"), "one: " + node);
                assertEquals(Math.min(2, total), edges(node, "two"), "two: " + node);
                someHaveTwo |= total >= 2;
            }
            assertTrue(someHaveTwo, "no organisation with two partners: the aliases prove nothing");
        } finally {
            planner.enabled(true);
        }
    }

    private long statements(int first) {
        long before = graph.roundTrips();
        ok(GraphQLClient.anonymous().query(PARTNERS, Map.of("first", first)));
        return graph.roundTrips() - before;
    }

    @SuppressWarnings("unchecked")
    private static int edges(Map<String, Object> node, String alias) {
        return ((List<Object>) ((Map<String, Object>) node.get(alias)).get("edges")).size();
    }
}
