package org.partnergraph.timeline;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.node.Node;
import org.partnergraph.organization.Organization;
import org.partnergraph.partnership.Partnership;
import org.partnergraph.read.Arguments;
import org.partnergraph.read.Compiled;
import org.partnergraph.read.ReadCatalog;
import org.partnergraph.read.ReadContribution;
import org.partnergraph.read.ReadPlan;

import graphql.schema.SelectedField;

/**
 * The timeline in the read planner: the entries' nodes and the ends of a status's partnership are projected with
 * whatever the client selected under them, in the request's one statement.
 */
@ApplicationScoped
class TimelineReads implements ReadContribution {

    @Override
    public void contribute(ReadCatalog.Builder catalog) {
        catalog.root("timeline", this::timeline);
    }

    private Compiled timeline(ReadPlan plan, Map<String, Object> arguments, List<SelectedField> selection, String column) {
        TimelineQuery query = TimelineQuery.of(Arguments.map(arguments, "filter", TimelineReads::filter),
                Arguments.integer(arguments, "first"), Arguments.string(arguments, "after"));
        List<SelectedField> entry = ReadPlan.connectionNodes(selection);
        String n = plan.variable("n");
        String s = plan.variable("s");
        String t = plan.variable("t");
        Compiled node = plan.node("Node", n, under(entry, "node"));
        List<SelectedField> partnership = under(entry, "partnership");
        Compiled supporter = plan.node("Organization", s, under(partnership, "supporter"));
        Compiled supported = plan.node("Node", t, under(partnership, "supported"));
        String body = plan.bind(TimelineRepository.statement(query, node.expression(), supporter.expression(),
                supported.expression(), n, s, t), query.parameters()) + " AS " + column;
        return new Compiled(body, value -> TimelineConnection.of(TimelineRepository.read(query, value,
                v -> (Node) node.reader().apply(v),
                row -> Partnership.from(row, v -> (Organization) supporter.reader().apply(v),
                        v -> (Node) supported.reader().apply(v)))));
    }

    /** The fields selected under the fields named {@code name} among {@code fields}. */
    private static List<SelectedField> under(List<SelectedField> fields, String name) {
        return fields.stream().filter(f -> f.getName().equals(name)).flatMap(f -> ReadPlan.children(f).stream()).toList();
    }

    private static TimelineFilter filter(Map<String, Object> value) {
        return new TimelineFilter(Arguments.string(value, "from"), Arguments.string(value, "to"),
                Arguments.string(value, "organizationId"), Arguments.string(value, "regionId"),
                Arguments.bool(value, "includeSubregions"), Arguments.enumList(value, "kind", TimelineEntryKind.class));
    }
}
