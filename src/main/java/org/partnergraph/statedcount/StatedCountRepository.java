package org.partnergraph.statedcount;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.graph.Graph;
import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;

@ApplicationScoped
class StatedCountRepository {

    // Batched child fields: one statement for all parents, rows tagged with the parent's id.

    static final String SUBJECTS = """
            UNWIND $ids AS id
            MATCH (:StatedCount {id: id})-[:COUNTS]->(subject)
            WHERE any(label IN labels(subject) WHERE label IN $labels)
            RETURN DISTINCT id, subject AS node
            ORDER BY node.id
            """;

    static final String NAMED = """
            UNWIND $ids AS id
            MATCH (:StatedCount {id: id})-[:NAMES]->(member)
            WHERE any(label IN labels(member) WHERE label IN $labels)
            RETURN DISTINCT id, member AS node
            ORDER BY node.id
            """;

    static final String NAMED_COUNTS = """
            UNWIND $ids AS id
            MATCH (count:StatedCount {id: id})
            RETURN id, COUNT { MATCH (count)-[:NAMES]->(member) RETURN DISTINCT member } AS named
            """;

    private final Graph graph;

    StatedCountRepository(Graph graph) {
        this.graph = graph;
    }

    List<Node> subjects(List<String> ids) {
        return Graph.firstOfEach(graph.readGrouped(SUBJECTS, ids, Map.of("labels", Nodes.LABELS),
                r -> Nodes.fromNode(r.get("node").asNode())));
    }

    List<List<Node>> named(List<String> ids) {
        return graph.readGrouped(NAMED, ids, Map.of("labels", Nodes.LABELS), r -> Nodes.fromNode(r.get("node").asNode()));
    }

    List<Integer> namedCounts(List<String> ids) {
        return graph.readGrouped(NAMED_COUNTS, ids, r -> r.get("named").asInt()).stream()
                .map(list -> list.isEmpty() ? 0 : list.get(0)).toList();
    }
}
