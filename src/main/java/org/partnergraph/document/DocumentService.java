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
