package org.partnergraph.network;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.organization.Organization;

@Type("NetworkPosition")
@Description("One organisation's place in the support network.")
public record NetworkPosition(
        @NonNull @Description("The organisation.") Organization organization,
        @NonNull @Description("Distinct partners, either way (as partnerOrganizations counts them).") int partners,
        @NonNull @Description("Organisations it supports.") int supports,
        @NonNull @Description("Organisations that support it.") int supportedBy,
        @NonNull @Description("Normalised betweenness, 0 to 1: the share of shortest paths between two other members "
                + "that pass through it (links taken both ways).") double betweenness,
        @NonNull @Description("Its community's number: 1 is the largest.") int community,
        @NonNull @Description("How many members its community has.") int communitySize) {
}
