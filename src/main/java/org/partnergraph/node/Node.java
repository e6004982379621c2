package org.partnergraph.node;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.partnergraph.fact.Fact;

@Interface("Node")
@Description("Anything in the partnership graph that has a stable business id "
        + "(an organisation, a region, a department, a programme …). Ids are readable slugs, "
        + "the same in every deployment. label, type and subtype are what a drawing needs without "
        + "an inline fragment per type.")
public interface Node {

    /** The descriptions each implementation repeats on its own methods (SmallRye reads the implementing type's). */
    String LABEL = "Display name: the name (a stated count: its number and what it counts), e.g. 喀什职业技术学院.";
    String TYPE = "The node's GraphQL type name: Organization, Region, Department, Major, Programme, Agreement, "
            + "Event or StatedCount.";
    String FACTS = "Facts its documents state about it in words (what was done, fields, role, outcome …), each with "
            + "its quote; empty where none is stated. Numbers are in quantities, where the type has them.";
    String SUBTYPE = "The kind within the type, as the type's own enum names it: OrganizationKind for an "
            + "Organization (e.g. HIGHER_VOCATIONAL_COLLEGE), RegionLevel for a Region (PROVINCE …), ProgrammeCategory "
            + "for a Programme, AgreementKind for an Agreement, EventKind for an Event; null for Department, Major "
            + "and StatedCount, which have no kinds.";

    // SmallRye takes a non-getter interface method as a field only when it carries @Query;
    // records implement id() with their component accessor.
    @Query("id")
    @Id
    @NonNull
    @Description("Stable business id, e.g. kashgar-polytechnic.")
    String id();

    // Not `kind`: Organization.kind, Agreement.kind and Event.kind are already their own enums, and an
    // interface field must have one type that every implementation's field fits.
    @Query("label")
    @NonNull
    @Description(LABEL)
    String label();

    @Query("type")
    @NonNull
    @Description(TYPE)
    String type();

    @Query("subtype")
    @Description(SUBTYPE)
    String subtype();

    @Query("facts")
    @NonNull
    @Description(FACTS)
    List<@NonNull Fact> facts();
}
