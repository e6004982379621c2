package org.partnergraph.link;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.common.PageInfo;

@Type("LinkConnection")
@Description("A page of a node's links (Relay connection), by type, then the other node's name, then id.")
public record LinkConnection(
        @NonNull @Description("The links on this page, each with its cursor.") List<@NonNull LinkEdge> edges,
        @NonNull @Description("Where this page is in the list.") PageInfo pageInfo,
        @NonNull @Description("How many links match, on all pages (counted in the database).") int totalCount) {

    @Type("LinkEdge")
    @Description("A link and its cursor.")
    public record LinkEdge(
            @NonNull @Description("Pass as `after` to continue after this link.") String cursor,
            @NonNull @Description("The link.") Link node) {
    }
}
