package org.partnergraph.region;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;
import org.partnergraph.organization.KindCount;
import org.partnergraph.organization.OrganizationConnection;
import org.partnergraph.organization.OrganizationKind;
import org.partnergraph.organization.OrganizationService;

@GraphQLApi
@CodedErrors
public class RegionApi {

    private final RegionService regions;
    private final OrganizationService organizations;
    private final DocumentService documents;

    RegionApi(RegionService regions, OrganizationService organizations, DocumentService documents) {
        this.regions = regions;
        this.organizations = organizations;
        this.documents = documents;
    }

    @Query("region")
    @Description("One region by id; null when no region has that id.")
    public Region region(@Id @NonNull @Description("The region's id, e.g. yunnan-chuxiong.") String id) {
        return regions.byId(id).orElse(null);
    }

    @Query("regions")
    @NonNull
    @Description("Regions by level and/or parent, sorted by name (a short list: the hierarchy the documents use).")
    public List<@NonNull Region> regions(
            @Description("Only this level.") RegionLevel level,
            @Id @Description("Only direct sub-regions of this region; NOT_FOUND when it does not exist.") String parentId) {
        return regions.list(level, parentId);
    }

    @Description("The region it is part of; null for a province.")
    public List<Region> parent(@Source List<Region> items) {
        return regions.parents(items);
    }

    @NonNull
    @Description("Its direct sub-regions, sorted by name.")
    public List<@NonNull List<@NonNull Region>> children(@Source List<Region> items) {
        return regions.children(items);
    }

    @NonNull
    @Description("Organisations located in it, sorted by name, page by page. Like every region filter, it "
            + "counts its sub-regions' organisations too unless includeSubregions is false (until December 2026 the "
            + "default here was false).")
    public List<@NonNull OrganizationConnection> organizations(@Source List<Region> items,
            @DefaultValue("true") @Description("Also organisations located in its sub-regions (default true; false: only "
                    + "those located in the region itself).") Boolean includeSubregions,
            @Description("Only these kinds.") List<OrganizationKind> kind,
            @Description("Page size; default 20, at most 100.") Integer first,
            @Description("Cursor of the item to continue after (pageInfo.endCursor).") String after) {
        return organizations.inRegions(items, !Boolean.FALSE.equals(includeSubregions), kind, first, after);
    }

    @NonNull
    @Description("How many organisations of each kind are located in it, largest first.")
    public List<@NonNull List<@NonNull KindCount>> organizationCounts(@Source List<Region> items,
            @DefaultValue("true") @Description("Count its sub-regions' organisations too.") Boolean includeSubregions) {
        return organizations.kindCountsInRegions(items, !Boolean.FALSE.equals(includeSubregions));
    }

    @NonNull
    @Description("The source documents that mention it.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<Region> items) {
        return documents.sourcesOf(items);
    }

    @NonNull
    @Description("Each source with its supporting quote.")
    public List<@NonNull Citation> citations(@Source Region region) {
        return region.provenance().citations();
    }
}
