package org.partnergraph.node;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class NodeService {

    private final NodeRepository nodes;

    NodeService(NodeRepository nodes) {
        this.nodes = nodes;
    }

    public Optional<Node> byId(String id) {
        return nodes.byId(id);
    }
}
