package org.partnergraph.dataset;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.document.DocumentService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates a bundle against what already exists: the ids it references (looked up through
 * {@code labelsOf}, the change log's ledger) and the source documents in PostgreSQL. Every write goes
 * through here, a curated bundle as much as a one-row bundle built from a mutation.
 */
@ApplicationScoped
public class BundleValidator {

    /** Fields whose values are ids of other nodes. */
    private static final Set<String> REFERENCE_FIELDS = Set.of("id", "parent", "region", "organization", "department",
            "partOf", "subject", "named", "from", "to", "programme");

    private final DocumentService documents;

    BundleValidator(DocumentService documents) {
        this.documents = documents;
    }

    /** The validated bundle, or {@link BundleRejectedException} listing every problem. */
    public Bundle validate(JsonNode root, Function<Collection<String>, Map<String, String>> labelsOf) {
        Set<String> ids = new HashSet<>();
        Set<String> documentIds = new HashSet<>();
        collect(root, ids, documentIds);
        BundleReader.Known known = new BundleReader.Known(labelsOf.apply(ids), documents.byIds(documentIds).keySet());
        return BundleReader.read(root, known);
    }

    /** The label each bundle section holds, in write order. */
    public static Map<String, String> sectionLabels() {
        return BundleReader.SECTION_LABELS;
    }

    private static void collect(JsonNode node, Set<String> ids, Set<String> documentIds) {
        node.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (REFERENCE_FIELDS.contains(entry.getKey())) {
                if (value.isTextual()) {
                    ids.add(value.asText());
                } else if (value.isArray()) {
                    value.forEach(v -> ids.add(v.asText()));
                }
            } else if ("document".equals(entry.getKey()) && value.isTextual()) {
                documentIds.add(value.asText());
            }
        });
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                collect(child, ids, documentIds);
            }
        }
    }
}
