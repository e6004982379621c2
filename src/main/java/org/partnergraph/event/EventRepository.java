package org.partnergraph.event;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.graph.Graph;
import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;
import org.partnergraph.organization.Organization;
import org.partnergraph.programme.Programme;
import org.partnergraph.region.Region;

@ApplicationScoped
class EventRepository {

    // Batched child fields: one statement for all parents, rows tagged with the parent's id.

    static final String REGIONS = """
            UNWIND $ids AS id
            MATCH (:Event {id: id})-[:LOCATED_IN]->(r:Region)
            RETURN DISTINCT id, r AS node
            ORDER BY node.id
            """;

    static final String ORGANISERS = """
            UNWIND $ids AS id
            MATCH (o:Organization)-[:RUNS]->(:Event {id: id})
            RETURN DISTINCT id, o AS node
            ORDER BY node.id
            """;

    static final String PARTICIPATIONS = """
            UNWIND $ids AS id
            MATCH (o:Organization)-[p:PARTICIPATED_IN]->(:Event {id: id})
            RETURN DISTINCT id, o AS node, p.role AS role, p.quantities AS quantities, p.awards AS awards, p.facts AS facts
            ORDER BY node.id, role
            """;

    /**
     * The planner's participations of the event in {@code %1$s}: each organisation ({@code %2$s}, projected by
     * {@code %3$s}) once per role, with the relationship's stated facts, in PARTICIPATIONS' order.
     */
    static final String PARTICIPATIONS_OF = """
            COLLECT { MATCH (%2$s:Organization)-[%4$s:PARTICIPATED_IN]->(%1$s)
                      WITH DISTINCT %2$s, %4$s.role AS role, %4$s.quantities AS quantities, %4$s.awards AS awards,
                           %4$s.facts AS facts
                      ORDER BY %2$s.id, role
                      RETURN {organization: %3$s, role: role, quantities: quantities, awards: awards, facts: facts, event: %1$s.id} }""";

    static final String HOSTS = """
            UNWIND $ids AS id
            MATCH (o:Organization)-[:HOSTS]->(:Event {id: id})
            RETURN DISTINCT id, o AS node
            ORDER BY node.id
            """;

    static final String TARGETS = """
            UNWIND $ids AS id
            MATCH (:Event {id: id})-[:TARGETS]->(target)
            WHERE any(label IN labels(target) WHERE label IN $labels)
            RETURN DISTINCT id, target AS node
            ORDER BY node.id
            """;

    static final String PROGRAMMES = """
            UNWIND $ids AS id
            MATCH (:Event {id: id})-[:PART_OF]->(p:Programme)
            RETURN DISTINCT id, p AS node
            ORDER BY node.id
            """;

    private final Graph graph;

    EventRepository(Graph graph) {
        this.graph = graph;
    }

    List<Region> regions(List<String> ids) {
        return Graph.firstOfEach(graph.readGrouped(REGIONS, ids, Map.of(), r -> Region.from(r.get("node"))));
    }

    List<List<Organization>> organisers(List<String> ids) {
        return graph.readGrouped(ORGANISERS, ids, Map.of(), r -> Organization.from(r.get("node")));
    }

    List<List<Participation>> participations(List<String> ids) {
        return graph.readGrouped(PARTICIPATIONS, ids, Map.of(), r -> Participation.from(r.get("id").asString(),
                Organization.from(r.get("node")), r.get("role"), r.get("quantities"), r.get("awards"),
                r.get("facts")));
    }

    List<List<Organization>> hosts(List<String> ids) {
        return graph.readGrouped(HOSTS, ids, Map.of(), r -> Organization.from(r.get("node")));
    }

    List<List<Node>> targets(List<String> ids) {
        return graph.readGrouped(TARGETS, ids, Map.of("labels", Nodes.LABELS), r -> Nodes.fromNode(r.get("node").asNode()));
    }

    List<Programme> programmes(List<String> ids) {
        return Graph.firstOfEach(graph.readGrouped(PROGRAMMES, ids, Map.of(), r -> Programme.from(r.get("node"))));
    }
}
