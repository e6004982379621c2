package org.partnergraph.department;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.graph.Graph;
import org.partnergraph.organization.Organization;

@ApplicationScoped
class DepartmentRepository {

    static final String DEPARTMENT_BY_ID = """
            MATCH (d:Department {id: $id})
            RETURN d
            """;

    /** The organisation that has each department or offers each major (directly or through a department). */
    static final String OWNERS_OF = """
            UNWIND $ids AS id
            MATCH (o:Organization)-[:HAS_DEPARTMENT|OFFERS*1..2]->(:Entity {id: id})
            RETURN DISTINCT id, o AS node
            """;

    static final String MAJORS_OF_DEPARTMENTS = """
            UNWIND $ids AS id
            MATCH (:Department {id: id})-[:OFFERS]->(m:Major)
            RETURN id, m AS node ORDER BY node.name, node.id
            """;

    static final String DEPARTMENTS_OF_MAJORS = """
            UNWIND $ids AS id
            MATCH (d:Department)-[:OFFERS]->(:Major {id: id})
            RETURN id, d AS node
            """;

    private final Graph graph;

    DepartmentRepository(Graph graph) {
        this.graph = graph;
    }

    Optional<Department> byId(String id) {
        return graph.readSingle(DEPARTMENT_BY_ID, Map.of("id", id), r -> Department.from(r.get("d")));
    }

    List<Organization> ownersOf(List<String> ids) {
        return Graph.firstOfEach(graph.readGrouped(OWNERS_OF, ids, r -> Organization.from(r.get("node"))));
    }

    List<List<Major>> majorsOf(List<String> ids) {
        return graph.readGrouped(MAJORS_OF_DEPARTMENTS, ids, r -> Major.from(r.get("node")));
    }

    List<Department> departmentsOf(List<String> ids) {
        return Graph.firstOfEach(graph.readGrouped(DEPARTMENTS_OF_MAJORS, ids, r -> Department.from(r.get("node"))));
    }
}
