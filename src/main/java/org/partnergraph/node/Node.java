package org.partnergraph.node;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@Interface("Node")
@Description("Anything in the partnership graph that has a stable business id "
        + "(an organisation, a region, a department, a programme …). Ids are readable slugs, "
        + "the same in every deployment.")
public interface Node {

    // SmallRye takes a non-getter interface method as a field only when it carries @Query;
    // records implement id() with their component accessor.
    @Query("id")
    @Id
    @NonNull
    @Description("Stable business id, e.g. kashgar-polytechnic.")
    String id();
}
