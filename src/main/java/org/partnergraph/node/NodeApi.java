package org.partnergraph.node;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.partnergraph.common.CodedErrors;

@GraphQLApi
@CodedErrors
public class NodeApi {

    private final NodeService nodes;

    NodeApi(NodeService nodes) {
        this.nodes = nodes;
    }

    @Query("node")
    @Description("Any object by its id, whatever its type; null when nothing has that id. "
            + "Use inline fragments (... on Organization) to select type-specific fields.")
    public Node node(@Id @NonNull @Description("A business id, e.g. kashgar-polytechnic.") String id) {
        return nodes.byId(id).orElse(null);
    }
}
