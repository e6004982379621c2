package org.partnergraph.department;

import java.util.HashMap;
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
            RETURN DISTINCT id, o
            """;

    static final String MAJORS_OF_DEPARTMENTS = """
            UNWIND $ids AS id
            MATCH (d:Department {id: id})
            RETURN id, COLLECT { MATCH (d)-[:OFFERS]->(m:Major) RETURN m ORDER BY m.name, m.id } AS majors
            """;

    static final String DEPARTMENTS_OF_MAJORS = """
            UNWIND $ids AS id
            MATCH (d:Department)-[:OFFERS]->(:Major {id: id})
            RETURN id, d
            """;

    private final Graph graph;

    DepartmentRepository(Graph graph) {
        this.graph = graph;
    }

    Optional<Department> byId(String id) {
        return graph.readSingle(DEPARTMENT_BY_ID, Map.of("id", id), r -> Department.from(r.get("d")));
    }

    Map<String, Organization> ownersOf(List<String> ids) {
        Map<String, Organization> owners = new HashMap<>();
        graph.readList(OWNERS_OF, Map.of("ids", ids), r -> owners.put(r.get("id").asString(), Organization.from(r.get("o"))));
        return owners;
    }

    Map<String, List<Major>> majorsOf(List<String> ids) {
        Map<String, List<Major>> majors = new HashMap<>();
        graph.readList(MAJORS_OF_DEPARTMENTS, Map.of("ids", ids),
                r -> majors.put(r.get("id").asString(), r.get("majors").asList(Major::from)));
        return majors;
    }

    Map<String, Department> departmentsOf(List<String> ids) {
        Map<String, Department> departments = new HashMap<>();
        graph.readList(DEPARTMENTS_OF_MAJORS, Map.of("ids", ids),
                r -> departments.put(r.get("id").asString(), Department.from(r.get("d"))));
        return departments;
    }
}
