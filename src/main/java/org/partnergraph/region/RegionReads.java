package org.partnergraph.region;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.read.Arguments;
import org.partnergraph.read.ReadCatalog;
import org.partnergraph.read.ReadContribution;

/** Regions in the read planner: {@code region(id)} and a region's parent. */
@ApplicationScoped
class RegionReads implements ReadContribution {

    @Override
    public void contribute(ReadCatalog.Builder catalog) {
        catalog.shape("Region", "Region", List.of("id", "name", "shortNames", "nameEn", "level", "facts"),
                List.of("id", "name", "level"), Region::from);
        catalog.root("region", (plan, arguments, selection, column) -> plan.byId("Region", "Region",
                Arguments.string(arguments, "id"), selection, column));
        catalog.field("Region", "parent", (plan, r, field) -> plan.one(field, "Region",
                "MATCH (" + r + ")-[:PART_OF]->(%s:Region)"));
    }
}
