package org.partnergraph.analytics;

import static org.partnergraph.dataset.BundleWriter.DATASET_TYPES;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.analytics.GraphStats.Count;
import org.partnergraph.graph.Graph;
import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;

@ApplicationScoped
class AnalyticsRepository {

    /** The count store answers these in constant time, whatever the size of the graph. */
    static final String GRAPH_COUNTS = """
            CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
            RETURN [n IN data.nodes WHERE n.label IS NOT NULL AND NOT n.label STARTS WITH '__'
                     | {name: n.label, count: n.count}] AS labels,
                   [r IN data.relationships WHERE r.relationshipType IN $datasetTypes
                        AND r.startLabel IS NULL AND r.endLabel IS NULL
                     | {name: r.relationshipType, count: r.count}] AS types
            """;

    /** The dataset's relationship types: derived links (the partner links) are no part of what is counted. */
    private static final List<String> TYPE_NAMES = List.of(DATASET_TYPES.split("\\|"));

    /**
     * Business nodes only (no bookkeeping labels), undirected: who is connected to whom, whichever way
     * the support runs. The hop bound is a literal chosen from 1..MAX_HOPS, never input text.
     */
    static final String SHORTEST_PATH = """
            MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
            MATCH p = shortestPath((a)-[:DATASET_TYPES*..%d]-(b))
            WHERE all(n IN nodes(p) WHERE n:Entity)
            RETURN [n IN nodes(p) | n] AS nodes,
                   [r IN relationships(p) | %s] AS edges
            """.replace("DATASET_TYPES", DATASET_TYPES);

    static final String NEIGHBOURHOOD = """
            MATCH (centre:Entity {id: $id})
            OPTIONAL MATCH (centre)-[:DATASET_TYPES*1..%d]-(n:Entity)
            WITH centre, collect(DISTINCT n) AS around
            WITH centre, around[0..$limit - 1] AS kept, size(around) > $limit - 1 AS truncated
            WITH [centre] + kept AS nodes, truncated
            RETURN nodes, truncated,
                   COLLECT { UNWIND nodes AS x MATCH (x)-[r:DATASET_TYPES]->(y) WHERE y IN nodes
                             RETURN DISTINCT r {.id, type: type(r), from: x.id, to: y.id,
                                                %s} AS edge } AS edges
            """.replace("DATASET_TYPES", DATASET_TYPES);

    static final int MAX_HOPS = 6;

    private final Graph graph;

    AnalyticsRepository(Graph graph) {
        this.graph = graph;
    }

    GraphStats stats() {
        return graph.readSingle(GRAPH_COUNTS, Map.of("datasetTypes", TYPE_NAMES), r -> new GraphStats(
                counts(r.get("labels")), counts(r.get("types")))).orElseThrow();
    }

    Optional<GraphPath> shortestPath(String fromId, String toId, int maxHops) {
        return graph.readSingle(SHORTEST_PATH.formatted(maxHops, Edge.projection("r")), Map.of("fromId", fromId, "toId", toId), r -> {
            List<Node> nodes = r.get("nodes").asList(v -> Nodes.fromNode(v.asNode()));
            return new GraphPath(nodes.size() - 1, nodes, edges(r.get("edges")));
        });
    }

    Optional<Subgraph> neighbourhood(String id, int hops, int limit) {
        return graph.readSingle(NEIGHBOURHOOD.formatted(hops, Edge.PROPERTIES), Map.of("id", id, "limit", limit), r -> new Subgraph(
                r.get("nodes").asList(v -> Nodes.fromNode(v.asNode())), edges(r.get("edges")),
                r.get("truncated").asBoolean()));
    }

    private static List<Edge> edges(Value rows) {
        return rows.asList(Edge::from);
    }

    private static List<Count> counts(Value rows) {
        return rows.asList(v -> new Count(v.get("name").asString(), v.get("count").asInt())).stream()
                .filter(c -> c.count() > 0)
                .sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::name))
                .toList();
    }
}
