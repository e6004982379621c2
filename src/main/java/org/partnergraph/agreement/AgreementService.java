package org.partnergraph.agreement;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.document.DocumentService;
import org.partnergraph.node.Node;
import org.partnergraph.organization.Organization;
import org.partnergraph.programme.Programme;

@ApplicationScoped
class AgreementService {

    private final AgreementRepository agreements;
    private final DocumentService documents;

    AgreementService(AgreementRepository agreements, DocumentService documents) {
        this.agreements = agreements;
        this.documents = documents;
    }

    List<List<Organization>> parties(List<Agreement> batch) {
        return agreements.parties(ids(batch));
    }

    List<List<Node>> targets(List<Agreement> batch) {
        return agreements.targets(ids(batch));
    }

    List<List<Programme>> programmes(List<Agreement> batch) {
        return agreements.programmes(ids(batch));
    }

    List<List<Document>> sources(List<Agreement> batch) {
        return documents.sourcesOf(batch);
    }

    List<List<Citation>> citations(List<Agreement> batch) {
        return batch.stream().map(a -> a.provenance().citations()).toList();
    }

    private static List<String> ids(List<Agreement> batch) {
        return batch.stream().map(Agreement::id).toList();
    }
}
