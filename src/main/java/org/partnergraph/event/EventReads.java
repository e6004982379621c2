package org.partnergraph.event;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.organization.Organization;
import org.partnergraph.read.Compiled;
import org.partnergraph.read.ReadCatalog;
import org.partnergraph.read.ReadContribution;
import org.partnergraph.read.ReadPlan;

import graphql.schema.SelectedField;

/**
 * Events in the read planner: where an event is in a compiled selection (a timeline entry's node), its plain fields
 * and its participations (with their quantities, awards and facts) come from the request's one statement.
 */
@ApplicationScoped
class EventReads implements ReadContribution {

    @Override
    public void contribute(ReadCatalog.Builder catalog) {
        catalog.shape("Event", "Event", List.of("id", "name", "kind", "date", "endDate", "dateQualifier",
                "endDateQualifier", "participants", "progress", "quantities", "facts"), List.of("id", "name", "kind", "date"),
                Map.of("dateApproximate", List.of("dateQualifier"), "endDateApproximate", List.of("endDateQualifier"),
                        "datePrecision", List.of("date")),
                Event::from);
        catalog.field("Event", "participations", this::participations);
    }

    private Compiled participations(ReadPlan plan, String event, SelectedField field) {
        String o = plan.variable("o");
        List<SelectedField> organization = ReadPlan.children(field).stream()
                .filter(f -> f.getName().equals("organization")).flatMap(f -> ReadPlan.children(f).stream()).toList();
        Compiled node = plan.node("Organization", o, organization);
        String expression = EventRepository.PARTICIPATIONS_OF.formatted(event, o, node.expression(), plan.variable("p"));
        return new Compiled(expression, ReadPlan.listOf(row ->
                Participation.from(row.get("event").asString(), (Organization) node.reader().apply(row.get("organization")),
                        row.get("role"), row.get("quantities"), row.get("awards"), row.get("facts"))));
    }
}
