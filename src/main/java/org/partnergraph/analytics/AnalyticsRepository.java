package org.partnergraph.analytics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.analytics.GraphStats.Count;
import org.partnergraph.graph.Graph;

@ApplicationScoped
class AnalyticsRepository {

    /** The count store answers these in constant time, whatever the size of the graph. */
    static final String GRAPH_COUNTS = """
            CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
            RETURN [n IN data.nodes WHERE n.label IS NOT NULL AND NOT n.label STARTS WITH '__'
                     | {name: n.label, count: n.count}] AS labels,
                   [r IN data.relationships WHERE r.relationshipType IS NOT NULL
                        AND r.startLabel IS NULL AND r.endLabel IS NULL
                     | {name: r.relationshipType, count: r.count}] AS types
            """;

    private final Graph graph;

    AnalyticsRepository(Graph graph) {
        this.graph = graph;
    }

    GraphStats stats() {
        return graph.readSingle(GRAPH_COUNTS, Map.of(), r -> new GraphStats(
                counts(r.get("labels")), counts(r.get("types")))).orElseThrow();
    }

    private static List<Count> counts(Value rows) {
        return rows.asList(v -> new Count(v.get("name").asString(), v.get("count").asInt())).stream()
                .filter(c -> c.count() > 0)
                .sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::name))
                .toList();
    }
}
