package org.partnergraph.analytics;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.node.Node;

@Type("Subgraph")
@Description("Nodes and the edges among them around a centre, for drawing.")
public record Subgraph(
        @NonNull @Description("The nodes, the centre first.") List<@NonNull Node> nodes,
        @NonNull @Description("Edges whose both ends are in nodes.") List<@NonNull Edge> edges,
        @NonNull @Description("True when limit cut the neighbourhood short.") boolean truncated) {
}
