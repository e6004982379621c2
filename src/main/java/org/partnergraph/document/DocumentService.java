package org.partnergraph.document;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Source documents, kept in PostgreSQL; other features resolve {@code sources} through here. */
@ApplicationScoped
public class DocumentService {

    private final DocumentRepository documents;

    DocumentService(DocumentRepository documents) {
        this.documents = documents;
    }

    @Transactional
    public Map<String, Document> byIds(Collection<String> ids) {
        return documents.byIds(ids).stream().collect(Collectors.toMap(Document::id, Function.identity()));
    }

    /** The documents each item cites, for a whole batch of items in one query. */
    @Transactional
    public List<List<Document>> sourcesOf(List<? extends Sourced> items) {
        Map<String, Document> byId = byIds(items.stream()
                .flatMap(item -> item.provenance().documentIds().stream()).collect(Collectors.toSet()));
        return items.stream().map(item -> item.provenance().distinctDocumentIds().stream()
                .map(byId::get).filter(d -> d != null).toList()).toList();
    }

    /** The document of each citation, for a whole batch in one query. */
    @Transactional
    public List<Document> documentsOf(List<Citation> citations) {
        Map<String, Document> byId = byIds(citations.stream().map(Citation::documentId).collect(Collectors.toSet()));
        return citations.stream().map(c -> byId.get(c.documentId())).toList();
    }

    @Transactional
    public Optional<Document> byId(String id) {
        return documents.findByIdOptional(id).map(DocumentEntity::toDocument);
    }

    @Transactional
    public List<Document> all() {
        return documents.all();
    }

    /** Stores (or refreshes) documents in one transaction: all of them or none. */
    @Transactional
    public void upsertAll(Collection<Document> toStore) {
        toStore.forEach(documents::upsert);
    }
}
