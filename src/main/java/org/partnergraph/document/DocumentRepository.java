package org.partnergraph.document;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class DocumentRepository implements PanacheRepositoryBase<DocumentEntity, String> {

    List<Document> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("id in ?1", Sort.by("issued").and("id"), ids).stream().map(DocumentEntity::toDocument).toList();
    }

    List<Document> all() {
        return listAll(Sort.by("issued").and("id")).stream().map(DocumentEntity::toDocument).toList();
    }

    /** Inserts or updates; the caller owns the transaction. */
    void upsert(Document document) {
        DocumentEntity entity = findByIdOptional(document.id()).orElseGet(DocumentEntity::new);
        boolean isNew = entity.id == null;
        entity.id = document.id();
        entity.title = document.title();
        entity.issuer = document.issuer();
        entity.number = document.number();
        entity.issued = document.date();
        entity.kind = document.kind().name();
        entity.excerpt = document.excerpt();
        if (isNew) {
            persist(entity);
        }
    }
}
