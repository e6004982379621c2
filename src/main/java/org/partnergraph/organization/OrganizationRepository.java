package org.partnergraph.organization;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.graph.Graph;

@ApplicationScoped
class OrganizationRepository {

    static final String ORGANIZATION_BY_ID = """
            MATCH (o:Organization {id: $id})
            RETURN o
            """;

    private final Graph graph;

    OrganizationRepository(Graph graph) {
        this.graph = graph;
    }

    Optional<Organization> byId(String id) {
        return graph.readSingle(ORGANIZATION_BY_ID, Map.of("id", id), Organization::from);
    }
}
