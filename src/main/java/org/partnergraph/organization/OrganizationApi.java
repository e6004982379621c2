package org.partnergraph.organization;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.agreement.Agreement;
import org.partnergraph.change.Change;
import org.partnergraph.change.ChangeService;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.department.Department;
import org.partnergraph.department.Major;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;
import org.partnergraph.node.StatedCount;
import org.partnergraph.programme.Programme;
import org.partnergraph.region.Region;

@GraphQLApi
@CodedErrors
public class OrganizationApi {

    private final OrganizationService organizations;
    private final OrganizationWrites writes;
    private final ChangeService changes;
    private final DocumentService documents;

    OrganizationApi(OrganizationService organizations, OrganizationWrites writes, ChangeService changes,
            DocumentService documents) {
        this.organizations = organizations;
        this.writes = writes;
        this.changes = changes;
        this.documents = documents;
    }

    @Mutation("upsertOrganization")
    @NonNull
    @Description("Creates an organisation, or updates one (fields left out keep their value). Validated before anything "
            + "is written (BAD_USER_INPUT naming the field); recorded in the change log, then applied to the graph. "
            + "Role editor.")
    public OrganizationPayload upsertOrganization(
            @NonNull @Description("The organisation.") OrganizationInput input,
            @Description("Makes a retried request safe: the same key with the same input answers the first request's "
                    + "change instead of writing again.") String idempotencyKey) {
        return writes.upsert(input, idempotencyKey);
    }

    @Query("organization")
    @Description("One organisation by id; null when no organisation has that id.")
    public Organization organization(@Id @NonNull @Description("The organisation's id.") String id) {
        return organizations.byId(id).orElse(null);
    }

    @Query("organizations")
    @NonNull
    @Description("Organisations, filtered and paged (Relay). Unknown filter ids answer NOT_FOUND.")
    public OrganizationConnection organizations(
            @Description("Which organisations; omit for all.") OrganizationFilter filter,
            @DefaultValue("NAME") @Description("Order of the list.") OrganizationSort sort,
            @Description("Page size; default 20, at most 100.") Integer first,
            @Description("Cursor of the item to continue after (pageInfo.endCursor).") String after) {
        return organizations.list(filter, sort, first, after);
    }

    @Description("Its newest changes (who changed it, when, from which document), newest first; the whole history is "
            + "changes(nodeId). Role analyst: for anyone else this field is null with an error, the rest of the answer "
            + "is unaffected.")
    public List<List<@NonNull Change>> history(@Source List<Organization> items,
            @DefaultValue("5") @Description("How many, 1 to 20.") Integer first) {
        // A wrapper: an explicit null (allowed, the argument is nullable) means the default, not a failed call.
        return changes.latest(items.stream().map(Organization::id).toList(), first == null ? 5 : first);
    }

    @Description("The region it is located in.")
    public List<Region> region(@Source List<Organization> items) {
        return organizations.regions(items);
    }

    @Description("The body it belongs to, e.g. the commission an office (处室) is part of.")
    public List<Organization> parent(@Source List<Organization> items) {
        return organizations.parents(items);
    }

    @NonNull
    @Description("Units that belong to it, e.g. the commission's offices (处室).")
    public List<@NonNull List<@NonNull Organization>> subunits(@Source List<Organization> items) {
        return organizations.subunits(items);
    }

    @NonNull
    @Description("Its departments (系, 部, 教研室) named in the documents.")
    public List<@NonNull List<@NonNull Department>> departments(@Source List<Organization> items) {
        return organizations.departments(items);
    }

    @NonNull
    @Description("Majors (专业) it or its departments offer, as named in the documents.")
    public List<@NonNull List<@NonNull Major>> majors(@Source List<Organization> items) {
        return organizations.majors(items);
    }

    @NonNull
    @Description("Alliances and groups it is a member of.")
    public List<@NonNull List<@NonNull Organization>> memberOf(@Source List<Organization> items) {
        return organizations.memberships(items);
    }

    @NonNull
    @Description("Alliances for which it is the secretariat (秘书处).")
    public List<@NonNull List<@NonNull Organization>> secretariatOf(@Source List<Organization> items) {
        return organizations.secretariats(items);
    }

    @NonNull
    @Description("Members, for an alliance or group, sorted by name; empty for other organisations.")
    public List<@NonNull OrganizationConnection> members(@Source List<Organization> items,
            @Description("Page size; default 20, at most 100.") Integer first,
            @Description("Cursor of the item to continue after (pageInfo.endCursor).") String after) {
        return organizations.members(items, first, after);
    }

    @NonNull
    @Description("Programmes it runs, is responsible for, hosts or takes part in, newest first.")
    public List<@NonNull List<@NonNull Programme>> programmes(@Source List<Organization> items) {
        return organizations.programmes(items);
    }

    @NonNull
    @Description("Agreements and memoranda it is party to.")
    public List<@NonNull List<@NonNull Agreement>> agreements(@Source List<Organization> items) {
        return organizations.agreements(items);
    }

    @NonNull
    @Description("Counts the documents state about it without naming every member (e.g. 6 new majors).")
    public List<@NonNull List<@NonNull StatedCount>> statedCounts(@Source List<Organization> items) {
        return organizations.statedCounts(items);
    }

    @NonNull
    @Description("The source documents that mention it.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<Organization> items) {
        return documents.sourcesOf(items);
    }

    @NonNull
    @Description("Each source with its supporting quote.")
    public List<@NonNull Citation> citations(@Source Organization organization) {
        return organization.provenance().citations();
    }
}
