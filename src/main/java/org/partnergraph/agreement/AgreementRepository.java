package org.partnergraph.agreement;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.graph.Graph;
import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;
import org.partnergraph.organization.Organization;
import org.partnergraph.programme.Programme;

@ApplicationScoped
class AgreementRepository {

    // Batched child fields: one statement for all parents, rows tagged with the parent's id.

    static final String PARTIES = """
            UNWIND $ids AS id
            MATCH (o:Organization)-[:PARTY_TO]->(:Agreement {id: id})
            RETURN DISTINCT id, o AS node
            ORDER BY node.id
            """;

    static final String TARGETS = """
            UNWIND $ids AS id
            MATCH (:Agreement {id: id})-[:TARGETS]->(target)
            WHERE any(label IN labels(target) WHERE label IN $labels)
            RETURN DISTINCT id, target AS node
            ORDER BY node.id
            """;

    static final String PROGRAMMES = """
            UNWIND $ids AS id
            MATCH (p:Programme)-[:PART_OF]->(:Agreement {id: id})
            RETURN DISTINCT id, p AS node
            ORDER BY node.year, node.sequence, node.id
            """;

    private final Graph graph;

    AgreementRepository(Graph graph) {
        this.graph = graph;
    }

    List<List<Organization>> parties(List<String> ids) {
        return graph.readGrouped(PARTIES, ids, Map.of(), r -> Organization.from(r.get("node")));
    }

    List<List<Node>> targets(List<String> ids) {
        return graph.readGrouped(TARGETS, ids, Map.of("labels", Nodes.LABELS), r -> Nodes.fromNode(r.get("node").asNode()));
    }

    List<List<Programme>> programmes(List<String> ids) {
        return graph.readGrouped(PROGRAMMES, ids, Map.of(), r -> Programme.from(r.get("node")));
    }
}
