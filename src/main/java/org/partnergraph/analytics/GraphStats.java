package org.partnergraph.analytics;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("GraphStats")
@Description("Size of the graph: nodes per label and relationships per type, read from Neo4j's count store.")
public record GraphStats(
        @NonNull @Description("Nodes per label, largest first.") List<@NonNull Count> labels,
        @NonNull @Description("Relationships per type, largest first.") List<@NonNull Count> relationshipTypes) {

    @Type("Count")
    @Description("A name and how many there are.")
    public record Count(
            @NonNull @Description("Label or relationship type.") String name,
            @NonNull @Description("How many.") int count) {
    }
}
