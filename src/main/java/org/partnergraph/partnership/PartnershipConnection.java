package org.partnergraph.partnership;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageInfo;

@Type("PartnershipConnection")
@Description("A page of partnerships (Relay connection), sorted by id.")
public record PartnershipConnection(
        @NonNull @Description("The partnerships on this page, each with its cursor.") List<@NonNull PartnershipEdge> edges,
        @NonNull @Description("Where this page is in the list.") PageInfo pageInfo,
        @NonNull @Description("How many partnerships match, on all pages (counted in the database).") int totalCount) {

    @Type("PartnershipEdge")
    @Description("A partnership and its cursor.")
    public record PartnershipEdge(
            @NonNull @Description("Pass as `after` to continue after this item.") String cursor,
            @NonNull @Description("The partnership.") Partnership node) {
    }

    static PartnershipConnection of(Page<PartnersQuery.Keyed> page, String sort) {
        return new PartnershipConnection(
                page.items().stream().map(k -> k.edge(sort)).toList(),
                page.pageInfo(k -> k.cursor(sort)), page.totalCount());
    }
}
