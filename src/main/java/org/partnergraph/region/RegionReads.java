package org.partnergraph.region;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.read.Arguments;
import org.partnergraph.read.Compiled;
import org.partnergraph.read.ReadCatalog;
import org.partnergraph.read.ReadContribution;
import org.partnergraph.read.ReadPlan;

import graphql.schema.SelectedField;

/** Regions in the read planner: {@code region(id)} and a region's parent. */
@ApplicationScoped
class RegionReads implements ReadContribution {

    @Override
    public void contribute(ReadCatalog.Builder catalog) {
        catalog.shape("Region", "Region", List.of("id", "name", "shortNames", "nameEn", "level", "sources", "quotes",
                "impliedFlags"), Region::from);
        catalog.root("region", this::region);
        catalog.field("Region", "parent", (plan, r, field) -> plan.one(field, "Region",
                "MATCH (" + r + ")-[:PART_OF]->(%s:Region)"));
    }

    private Compiled region(ReadPlan plan, Map<String, Object> arguments, List<SelectedField> selection, String column) {
        String v = plan.variable("r");
        Compiled node = plan.node("Region", v, selection);
        return new Compiled("OPTIONAL MATCH (" + v + ":Region {id: " + plan.parameter(Arguments.string(arguments, "id"))
                + "})\nRETURN " + node.expression() + " AS " + column, node.reader());
    }
}
