package org.partnergraph.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.graph.Graph;

/**
 * Writes a validated bundle to Neo4j in one write transaction: all of it or none. Every statement
 * MERGEs on ids and replaces properties, so writing the same bundle twice changes nothing.
 * Labels and relationship types cannot be Cypher parameters; the statements per label and type
 * are built once, from the fixed vocabularies below, never from input.
 */
@ApplicationScoped
class DatasetRepository {

    static final String KNOWN_IDS = """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
            """;

    static final String IMPORTED_BUNDLE = """
            MATCH (b:__Bundle {id: $id, checksum: $checksum})
            RETURN b.documents AS documents, b.nodes AS nodes, b.relationships AS relationships
            """;

    static final String RECORD_BUNDLE = """
            MERGE (b:__Bundle {id: $id})
            SET b.checksum = $checksum, b.importedAt = datetime(), b.documents = $documents, b.nodes = $nodes,
                b.relationships = $relationships
            """;

    /** Derived links owned by the node at their end (a department owns its HAS_DEPARTMENT). */
    static final Set<String> OWNED_BY_TARGET = Set.of("HAS_DEPARTMENT", "OFFERS");

    static final List<String> LABELS = List.copyOf(BundleReader.SECTION_LABELS.values());
    static final List<String> TYPES = types();

    private static final Map<String, String> UPSERT_NODES = LABELS.stream().collect(Collectors.toMap(l -> l, l -> """
            UNWIND $rows AS row
            MERGE (n:Entity {id: row.id})
            SET n = row, n:%s
            """.formatted(l)));

    /** Drops a derived link whose field changed (a region moved, a parent replaced) before the new one is merged. */
    private static final Map<String, String> DROP_STALE_DERIVED = TYPES.stream().collect(Collectors.toMap(t -> t, t -> (OWNED_BY_TARGET.contains(t) ? """
            UNWIND $owners AS owner
            MATCH ()-[r:%s {derived: true}]->(:Entity {id: owner})
            WHERE NOT r.id IN $keep
            DELETE r
            """ : """
            UNWIND $owners AS owner
            MATCH (:Entity {id: owner})-[r:%s {derived: true}]->()
            WHERE NOT r.id IN $keep
            DELETE r
            """).formatted(t)));

    /** An explicit relationship whose id now connects other nodes is moved, not duplicated. */
    private static final Map<String, String> DROP_MOVED = TYPES.stream().collect(Collectors.toMap(t -> t, t -> """
            UNWIND $rows AS row
            MATCH (a)-[r:%s {id: row.props.id}]->(b)
            WHERE a.id <> row.from OR b.id <> row.to
            DELETE r
            """.formatted(t)));

    private static final Map<String, String> UPSERT_RELATIONSHIPS = TYPES.stream().collect(Collectors.toMap(t -> t, t -> """
            UNWIND $rows AS row
            MATCH (a:Entity {id: row.from})
            MATCH (b:Entity {id: row.to})
            MERGE (a)-[r:%s {id: row.props.id}]->(b)
            SET r = row.props
            """.formatted(t)));

    private final Graph graph;

    DatasetRepository(Graph graph) {
        this.graph = graph;
    }

    Map<String, String> labelsOf(Collection<String> ids) {
        Map<String, String> labels = new HashMap<>();
        if (ids.isEmpty()) {
            return labels;
        }
        graph.readList(KNOWN_IDS, Map.of("ids", List.copyOf(ids)), r -> labels.put(r.get("id").asString(),
                r.get("label").asString()));
        return labels;
    }

    /** The report of this exact bundle content if it was imported before. */
    Optional<ImportReport> imported(String bundleId, String checksum) {
        return graph.readSingle(IMPORTED_BUNDLE, Map.of("id", bundleId, "checksum", checksum), r -> new ImportReport(
                bundleId, r.get("documents").asInt(0), r.get("nodes").asInt(0), r.get("relationships").asInt(0),
                false, true));
    }

    void write(Bundle bundle, String checksum) {
        graph.write(tx -> {
            bundle.nodes().forEach((label, rows) -> tx.run(UPSERT_NODES.get(label), Map.of("rows", rows)));
            bundle.relationships().forEach((type, rows) -> {
                List<Map<String, Object>> derived = rows.stream().filter(DatasetRepository::isDerived).toList();
                List<Map<String, Object>> explicit = rows.stream().filter(r -> !isDerived(r)).toList();
                if (!derived.isEmpty()) {
                    tx.run(DROP_STALE_DERIVED.get(type), Map.of(
                            "owners", derived.stream().map(r -> r.get("owner")).distinct().toList(),
                            "keep", derived.stream().map(DatasetRepository::id).toList()));
                }
                if (!explicit.isEmpty()) {
                    tx.run(DROP_MOVED.get(type), Map.of("rows", explicit));
                }
                tx.run(UPSERT_RELATIONSHIPS.get(type), Map.of("rows", rows.stream().map(DatasetRepository::wire).toList()));
            });
            tx.run(RECORD_BUNDLE, Map.of("id", bundle.id(), "checksum", checksum, "documents", bundle.documents().size(),
                    "nodes", bundle.nodeCount(), "relationships", bundle.relationshipCount()));
            return null;
        });
    }

    private static boolean isDerived(Map<String, Object> row) {
        return row.containsKey("owner");
    }

    private static Object id(Map<String, Object> row) {
        return ((Map<?, ?>) row.get("props")).get("id");
    }

    /** Only what the statements read goes over the wire. */
    private static Map<String, Object> wire(Map<String, Object> row) {
        return Map.of("from", row.get("from"), "to", row.get("to"), "props", row.get("props"));
    }

    private static List<String> types() {
        List<String> types = new ArrayList<>();
        for (RelationshipType type : RelationshipType.values()) {
            types.add(type.name());
        }
        for (String derived : List.of("LOCATED_IN", "HAS_DEPARTMENT", "OFFERS", "COUNTS", "NAMES")) {
            types.add(derived);
        }
        return List.copyOf(types);
    }
}
