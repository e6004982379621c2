package org.partnergraph.document;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of the {@code document} table (schema owned by Flyway). */
@Entity
@Table(name = "document")
class DocumentEntity {

    @Id
    String id;

    @Column(nullable = false)
    String title;

    @Column(nullable = false)
    String issuer;

    String number;

    @Column(nullable = false)
    String issued;

    @Column(nullable = false)
    String kind;

    String excerpt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    Instant createdAt;

    Document toDocument() {
        return new Document(id, title, issuer, number, issued, DocumentKind.valueOf(kind), excerpt);
    }
}
