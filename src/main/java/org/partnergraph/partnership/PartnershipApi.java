package org.partnergraph.partnership;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;
import org.partnergraph.organization.Organization;
import org.partnergraph.organization.OrganizationKind;

@GraphQLApi
@CodedErrors
public class PartnershipApi {

    private final PartnershipService partnerships;
    private final PartnershipWrites writes;
    private final DocumentService documents;

    PartnershipApi(PartnershipService partnerships, PartnershipWrites writes, DocumentService documents) {
        this.writes = writes;
        this.partnerships = partnerships;
        this.documents = documents;
    }

    @Mutation("createPartnership")
    @NonNull
    @Description("Records that one organisation supports another, a department or a region. Validated before anything is "
            + "written (unknown or wrong-kind ids, self-pairing, a duplicate active partnership, dates out of order: "
            + "BAD_USER_INPUT naming the field); recorded in the change log, then applied to the graph. Role editor.")
    public PartnershipPayload createPartnership(
            @NonNull @Description("The partnership.") PartnershipInput input,
            @Description("Makes a retried request safe: the same key with the same input answers the first request's "
                    + "change instead of writing again.") String idempotencyKey) {
        return writes.create(input, idempotencyKey);
    }

    @Mutation("endPartnership")
    @NonNull
    @Description("Ends a partnership with a date and a reason; it stays as history (until and endReason set). Role editor.")
    public PartnershipPayload endPartnership(
            @NonNull @Description("Which partnership, when and why.") EndPartnershipInput input,
            @Description("Makes a retried request safe: the same key with the same input answers the first request's "
                    + "change instead of writing again.") String idempotencyKey) {
        return writes.end(input, idempotencyKey);
    }

    @Mutation("setPartnershipStatus")
    @NonNull
    @Description("Records a status a document states for a partnership on a date: one more statement in its "
            + "statusHistory, which stays (nothing stated before is overwritten); status becomes the latest dated "
            + "statement, so an earlier date takes its place in the history and leaves status as it was. Refused, "
            + "nothing written: an unknown partnership (NOT_FOUND); a date that is not a real YYYY, YYYY-MM or "
            + "YYYY-MM-DD, an unknown document or a blank quote, the same status on the same date from the same "
            + "document again (BAD_USER_INPUT naming the field; retry with the same idempotencyKey to get the first "
            + "answer). ENDED does not end a partnership: it is refused until endPartnership has ended it, and before "
            + "its until; after its until only ENDED may be stated. Role editor.")
    public PartnershipPayload setPartnershipStatus(
            @NonNull @Description("Which partnership, what status, when, and which document says so.")
            SetPartnershipStatusInput input,
            @Description("Makes a retried request safe: the same key with the same input answers the first request's "
                    + "change instead of writing again.") String idempotencyKey) {
        return writes.setStatus(input, idempotencyKey);
    }

    @Query("supportersOf")
    @NonNull
    @Description("Who supports this department, organisation or region, how, through which programme, since when, "
            + "and which documents say so. For an organisation this includes support for its departments and majors; "
            + "for a region, support for the region, its sub-regions and every organisation located in them. "
            + "Sorted by kind, supporter name, id. NOT_FOUND when nothing has the id.")
    public List<@NonNull Partnership> supportersOf(
            @Id @NonNull @Description("Id of a department, organisation or region.") String id,
            @DefaultValue("100") @Description("At most this many partnerships; 1 to 500.") Integer first) {
        return partnerships.supportersOf(id, first);
    }

    @Query("supportGaps")
    @NonNull
    @Description("Where support is missing: departments, schools and other organisations, and regions that a "
            + "programme or agreement names (TARGETS) but nobody supports in the year it names them — no stated "
            + "support active that year (undated support counts) and no programme of that year from outside the "
            + "province; support of a region counts its sub-regions and organisations, of an organisation its "
            + "departments, as in supportersOf. Newest year first, then name. Role analyst.")
    public SupportGap.Page supportGaps(
            @Description("Only gaps of this year; omit for every year.") Integer year,
            @DefaultValue("100") @Description("At most this many gaps: 1 to 500 (totalCount counts them all).")
            Integer first) {
        return partnerships.supportGaps(year, first);
    }

    @NonNull
    @Description("This organisation's partnerships, page by page. role: the role the partner plays — "
            + "SUPPORTER for those who support this organisation or its departments, SUPPORTED for those it supports. "
            + "kind: only these kinds (e.g. [PAIRED_WITH] for pairings only). sort: ID (default), SINCE_DESC (newest "
            + "first), SINCE, PARTNER_NAME.")
    public List<@NonNull PartnershipConnection> partners(@Source List<Organization> organizations,
            @DefaultValue("ANY") @Description("Which partners to list.") PartnerRole role,
            @Description("Only these kinds; omit for all.") List<PartnershipKind> kind,
            @DefaultValue("ID") @Description("Order of the list; a cursor belongs to the sort it was made with.")
            PartnershipSort sort,
            @Description("Page size; default 20, at most 100.") Integer first,
            @Description("Cursor of the item to continue after (pageInfo.endCursor).") String after) {
        return partnerships.partnersOf(organizations, role, kind, sort, first, after);
    }

    @NonNull
    @Description("Its distinct partner organisations, each once with how they are linked (kinds, role, since, the "
            + "partnerships): a school's partner schools page by page. Support of a department counts for the "
            + "organisation that has it; regions are not partners. kind: only links of these kinds (e.g. "
            + "[PAIRED_WITH]); partnerKind: only partners of these kinds (e.g. [SCHOOL, SECONDARY_VOCATIONAL_SCHOOL]); "
            + "regionId: only partners located in that region (and, by default, its sub-regions). sort: NAME "
            + "(default), SINCE (oldest first), SINCE_DESC (newest first). totalCount counts the partners that pass "
            + "every filter. NOT_FOUND when no region has regionId.")
    public List<@NonNull PartnerOrganization> partnerOrganizations(@Source List<Organization> organizations,
            @DefaultValue("ANY") @Description("Which partners to list, by the role they play.") PartnerRole role,
            @Description("Only links of these kinds; omit for all.") List<PartnershipKind> kind,
            @Description("Only partners of these organisation kinds; omit for all.") List<OrganizationKind> partnerKind,
            @Description("Only partners located in this region (an id, e.g. chuxiong); omit for all.") @Id String regionId,
            @DefaultValue("true") @Description("With regionId: partners located in its sub-regions count too (default "
                    + "true, as in every region filter).") Boolean includeSubregions,
            @DefaultValue("NAME") @Description("Order of the list; a cursor belongs to the sort it was made with.")
            PartnerOrganizationSort sort,
            @Description("Page size; default 20, at most 100.") Integer first,
            @Description("Cursor of the item to continue after (pageInfo.endCursor).") String after) {
        return partnerships.partnerOrganizationsOf(organizations, role, kind, sort, partnerKind, regionId,
                includeSubregions, first, after);
    }

    @NonNull
    @Description("The source documents that state this partnership.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<Partnership> items) {
        return documents.sourcesOf(items);
    }

    @NonNull
    @Description("Each source with its supporting quote.")
    public List<@NonNull Citation> citations(@Source Partnership partnership) {
        return partnership.provenance().citations();
    }
}
