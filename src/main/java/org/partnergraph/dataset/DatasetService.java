package org.partnergraph.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.document.DocumentService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Imports dataset bundles: validate everything first (every problem reported at once), then write
 * the documents to PostgreSQL and the facts to Neo4j in one graph transaction.
 */
@ApplicationScoped
public class DatasetService {

    /** Fields whose values are ids of other nodes: looked up in the graph before validation. */
    private static final Set<String> REFERENCE_FIELDS = Set.of("parent", "region", "organization", "department",
            "partOf", "subject", "named", "from", "to", "programme");

    private final DatasetRepository repository;
    private final DocumentService documents;
    private final ObjectMapper json;

    DatasetService(DatasetRepository repository, DocumentService documents, ObjectMapper json) {
        this.repository = repository;
        this.documents = documents;
        this.json = json;
    }

    public ImportReport importBundle(String bundleJson, boolean dryRun) {
        JsonNode root;
        try {
            root = json.readTree(bundleJson);
        } catch (JsonProcessingException e) {
            throw new BundleRejectedException("?", List.of(new Problem("bundle", "(json)",
                    "not valid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        }
        String checksum = checksum(bundleJson);
        // Restarts re-offer every curated bundle: recognise an unchanged one before validating it.
        if (!dryRun && root.path("bundle").isTextual()) {
            Optional<ImportReport> imported = repository.imported(root.path("bundle").asText(), checksum);
            if (imported.isPresent()) {
                return imported.get();
            }
        }
        Bundle bundle = BundleReader.read(root, known(root));
        if (!dryRun) {
            documents.upsertAll(bundle.documents());
            repository.write(bundle, checksum);
        }
        return new ImportReport(bundle.id(), bundle.documents().size(), bundle.nodeCount(),
                bundle.relationshipCount(), dryRun, false);
    }

    private BundleReader.Known known(JsonNode root) {
        Set<String> ids = new HashSet<>();
        Set<String> documentIds = new HashSet<>();
        collect(root, ids, documentIds);
        return new BundleReader.Known(repository.labelsOf(ids), documents.byIds(documentIds).keySet());
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

    static String checksum(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
