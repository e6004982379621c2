package org.partnergraph.department;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;
import org.partnergraph.organization.Organization;

/** Fields of Major; a class of its own because Java cannot overload on List<Department> vs List<Major>. */
@GraphQLApi
@CodedErrors
public class MajorApi {

    private final DepartmentService departments;
    private final DocumentService documents;

    MajorApi(DepartmentService departments, DocumentService documents) {
        this.departments = departments;
        this.documents = documents;
    }

    @Description("The organisation that offers it.")
    public List<Organization> organization(@Source List<Major> items) {
        return departments.owners(items);
    }

    @Description("The department that offers it, where the documents say.")
    public List<Department> department(@Source List<Major> items) {
        return departments.departmentsOfMajors(items);
    }

    @NonNull
    @Description("The source documents that mention it.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<Major> items) {
        return documents.sourcesOf(items);
    }

    @NonNull
    @Description("Each source with its supporting quote.")
    public List<@NonNull Citation> citations(@Source Major major) {
        return major.provenance().citations();
    }
}
