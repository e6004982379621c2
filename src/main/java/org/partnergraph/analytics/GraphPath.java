package org.partnergraph.analytics;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.node.Node;

@Type("GraphPath")
@Description("A shortest path between two nodes: nodes in order from start to end, and the edges between them.")
public record GraphPath(
        @NonNull @Description("Number of hops.") int length,
        @NonNull @Description("Nodes from start to end.") List<@NonNull Node> nodes,
        @NonNull @Description("Edges in path order (an edge may point against the walking direction).") List<@NonNull Edge> edges) {
}
