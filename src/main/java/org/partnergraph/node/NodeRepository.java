package org.partnergraph.node;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.graph.Graph;

@ApplicationScoped
class NodeRepository {

    static final String NODE_BY_ID = """
            MATCH (n:Entity {id: $id})
            RETURN n, labels(n) AS labels
            """;

    private final Graph graph;

    NodeRepository(Graph graph) {
        this.graph = graph;
    }

    Optional<Node> byId(String id) {
        return graph.readSingle(NODE_BY_ID, Map.of("id", id),
                r -> Nodes.from(r.get("n"), r.get("labels").asList(Value::asString))).flatMap(n -> n);
    }
}
