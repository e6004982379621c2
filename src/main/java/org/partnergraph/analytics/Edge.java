package org.partnergraph.analytics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Edge")
@Description("A relationship between two nodes, for drawing: its type and the ids at both ends.")
public record Edge(
        @Id @NonNull @Description("Stable id of the relationship.") String id,
        @NonNull @Description("Relationship type, e.g. PAIRED_WITH, MEMBER_OF, LOCATED_IN.") String type,
        @Id @NonNull @Description("Id of the start node.") String from,
        @Id @NonNull @Description("Id of the end node.") String to) {
}
