package org.partnergraph.organization;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageInfo;

@Type("OrganizationConnection")
@Description("A page of organisations (Relay connection).")
public record OrganizationConnection(
        @NonNull @Description("The organisations on this page, each with its cursor.") List<@NonNull OrganizationEdge> edges,
        @NonNull @Description("Where this page is in the list.") PageInfo pageInfo,
        @NonNull @Description("How many organisations match, on all pages (counted in the database).") int totalCount) {

    @Type("OrganizationEdge")
    @Description("An organisation and its cursor.")
    public record OrganizationEdge(
            @NonNull @Description("Pass as `after` to continue after this item.") String cursor,
            @NonNull @Description("The organisation.") Organization node) {
    }

    public static OrganizationConnection of(Page<Organization> page, OrganizationSort sort) {
        return new OrganizationConnection(
                page.items().stream().map(o -> new OrganizationEdge(OrganizationRepository.cursor(o, sort), o)).toList(),
                page.pageInfo(o -> OrganizationRepository.cursor(o, sort)), page.totalCount());
    }
}
