package org.partnergraph.department;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.read.Arguments;
import org.partnergraph.read.ReadCatalog;
import org.partnergraph.read.ReadContribution;

/** Departments in the read planner: {@code department(id)}, its organisation and its majors. */
@ApplicationScoped
class DepartmentReads implements ReadContribution {

    @Override
    public void contribute(ReadCatalog.Builder catalog) {
        catalog.shape("Department", "Department", List.of("id", "name", "shortNames", "facts"), List.of("id", "name"),
                Department::from);
        catalog.shape("Major", "Major", List.of("id", "name", "shortNames", "facts"), List.of("id", "name"), Major::from);
        catalog.root("department", (plan, arguments, selection, column) -> plan.byId("Department", "Department",
                Arguments.string(arguments, "id"), selection, column));
        catalog.field("Department", "organization", (plan, d, field) -> plan.one(field, "Organization",
                "MATCH (%s:Organization)-[:HAS_DEPARTMENT|OFFERS*1..2]->(" + d + ")"));
        catalog.field("Department", "majors", (plan, d, field) -> plan.sortedByName(field, "Major",
                "MATCH (" + d + ")-[:OFFERS]->(%s:Major)"));
    }
}
