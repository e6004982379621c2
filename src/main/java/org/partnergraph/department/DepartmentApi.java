package org.partnergraph.department;

import java.util.List;

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

@GraphQLApi
@CodedErrors
public class DepartmentApi {

    private final DepartmentService departments;
    private final DepartmentWrites writes;
    private final DocumentService documents;

    DepartmentApi(DepartmentService departments, DepartmentWrites writes, DocumentService documents) {
        this.writes = writes;
        this.departments = departments;
        this.documents = documents;
    }

    @Mutation("addDepartment")
    @NonNull
    @Description("Adds a department to an organisation. Validated before anything is written (BAD_USER_INPUT naming "
            + "the field); recorded in the change log, then applied to the graph. Role editor.")
    public DepartmentPayload addDepartment(
            @NonNull @Description("The department.") DepartmentInput input,
            @Description("Makes a retried request safe: the same key with the same input answers the first request's "
                    + "change instead of writing again.") String idempotencyKey) {
        return writes.add(input, idempotencyKey);
    }

    @Query("department")
    @Description("One department by id; null when no department has that id. Ask supportersOf(id) for who supports it.")
    public Department department(@Id @NonNull @Description("The department's id.") String id) {
        return departments.byId(id).orElse(null);
    }

    @NonNull
    @Description("The organisation it belongs to.")
    public List<@NonNull Organization> organization(@Source List<Department> items) {
        return departments.owners(items);
    }

    @NonNull
    @Description("Majors it offers, as named in the documents.")
    public List<@NonNull List<@NonNull Major>> majors(@Source List<Department> items) {
        return departments.majors(items);
    }

    @NonNull
    @Description("The source documents that mention it.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<Department> items) {
        return documents.sourcesOf(items);
    }

    @NonNull
    @Description("Each source with its supporting quote.")
    public List<@NonNull Citation> citations(@Source Department department) {
        return department.provenance().citations();
    }
}
