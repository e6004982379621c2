package org.partnergraph.document;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.common.CodedErrors;

@GraphQLApi
@CodedErrors
public class DocumentApi {

    private final DocumentService documents;

    DocumentApi(DocumentService documents) {
        this.documents = documents;
    }

    @Query("documents")
    @NonNull
    @Description("All source documents the graph cites, oldest first.")
    public List<@NonNull Document> documents() {
        return documents.all();
    }

    @Query("document")
    @Description("One source document by id; null when there is none.")
    public Document document(@Id @NonNull @Description("The document's id.") String id) {
        return documents.byId(id).orElse(null);
    }

    @NonNull
    @Description("The document quoted.")
    public List<@NonNull Document> document(@Source List<Citation> citations) {
        return documents.documentsOf(citations);
    }
}
