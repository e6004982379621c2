package org.partnergraph.statedcount;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Record;
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
        return perId(SUBJECTS, ids, r -> Nodes.fromNode(r.get("node").asNode())).stream()
                .map(list -> list.isEmpty() ? null : list.get(0)).toList();
    }

    List<List<Node>> named(List<String> ids) {
        return perId(NAMED, ids, r -> Nodes.fromNode(r.get("node").asNode()));
    }

    List<Integer> namedCounts(List<String> ids) {
        return perId(NAMED_COUNTS, ids, r -> r.get("named").asInt()).stream()
                .map(list -> list.isEmpty() ? 0 : list.get(0)).toList();
    }

    /**
     * Runs a batched statement for the distinct ids ({@code $ids}, rows tagged {@code id}) and returns
     * one list per requested id, in the order of the request and of the rows.
     */
    private <T> List<List<T>> perId(String cypher, List<String> ids, Function<Record, T> mapper) {
        Map<String, Object> parameters = Map.of("ids", List.copyOf(new LinkedHashSet<>(ids)), "labels", Nodes.LABELS);
        Map<String, List<T>> byId = new HashMap<>();
        for (Map.Entry<String, T> row : graph.readList(cypher, parameters,
                r -> Map.entry(r.get("id").asString(), mapper.apply(r)))) {
            byId.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue());
        }
        return ids.stream().map(id -> byId.getOrDefault(id, List.of())).toList();
    }
}
