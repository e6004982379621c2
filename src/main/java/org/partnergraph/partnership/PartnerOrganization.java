package org.partnergraph.partnership;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.common.PageInfo;
import org.partnergraph.organization.Organization;

/** A page of an organisation's distinct partner organisations. */
@Type("PartnerOrganizationConnection")
@Description("A page of distinct partner organisations, each once with how it is linked (Relay connection).")
public record PartnerOrganization(
        @NonNull @Description("The partners on this page, each with its cursor and links.") List<@NonNull Edge> edges,
        @NonNull @Description("Where this page is in the list.") PageInfo pageInfo,
        @NonNull @Description("How many distinct partners match, on all pages (counted in the database).") int totalCount) {

    @Type("PartnerOrganizationEdge")
    @Description("One partner organisation and how it is linked to this one.")
    public record Edge(
            @NonNull @Description("Pass as `after` to continue after this item.") String cursor,
            @NonNull @Description("The partner organisation (for support of a department: the organisation that has it).")
            Organization node,
            @NonNull @Description("The kinds of partnership that link the two, each once, sorted.")
            List<@NonNull PartnershipKind> kinds,
            @NonNull @Description("The role the partner plays: SUPPORTER, SUPPORTED, or ANY when both.") PartnerRole role,
            @Description("The earliest since of the links, where the documents say.") String since,
            @NonNull @Description("The partnerships that link them (ask partners or supportersOf for their details).")
            List<@NonNull String> partnershipIds) {
    }
}
