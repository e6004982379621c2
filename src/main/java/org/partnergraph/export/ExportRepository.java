package org.partnergraph.export;

import static org.partnergraph.dataset.BundleWriter.DATASET_TYPES;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.document.Provenance;
import org.partnergraph.graph.Graph;
import org.partnergraph.node.Node;
import org.partnergraph.node.Nodes;

@ApplicationScoped
class ExportRepository {

    /**
     * The kinds filter on node {@code %1$s}: a kind is a type (the node's label) or a subtype (an organisation's
     * or agreement's or event's kind, a region's level, a programme's category).
     */
    private static final String IN_KINDS = "($kinds IS NULL OR any(l IN labels(%1$s) WHERE l IN $kinds) "
            + "OR %1$s.kind IN $kinds OR %1$s.level IN $kinds OR %1$s.category IN $kinds)";

    /**
     * What is read of a node: what the API records need to answer label, type and subtype (Nodes.from), and
     * the provenance. An explicit list, never every property; the writers then write only ExportNode's fields.
     */
    static final String NODE = "n {.id, .name, .kind, .level, .category, .mode, .date, .count, .description, "
            + ".sources, .impliedFlags, __labels: labels(n)}";

    static final String EDGE = "r {.id, type: type(r), from: a.id, to: b.id, .since, .until, .scheme, .sources, "
            + ".impliedFlags}";

    static final String COUNT_GRAPH = """
            RETURN COUNT { MATCH (n:Entity) WHERE %s } AS nodes,
                   COUNT { MATCH (a:Entity)-[r:%s]->(b:Entity) WHERE %s AND %s } AS edges
            """.formatted(IN_KINDS.formatted("n"), DATASET_TYPES, IN_KINDS.formatted("a"), IN_KINDS.formatted("b"));

    static final String NODES_OF_GRAPH = """
            MATCH (n:Entity) WHERE %s
            RETURN %s AS row
            """.formatted(IN_KINDS.formatted("n"), NODE);

    static final String EDGES_OF_GRAPH = """
            MATCH (a:Entity)-[r:%s]->(b:Entity) WHERE %s AND %s
            RETURN %s AS row
            """.formatted(DATASET_TYPES, IN_KINDS.formatted("a"), IN_KINDS.formatted("b"), EDGE);

    /**
     * The focus and every node within the hops (a literal from 1..3, never input text) of it, whichever way
     * the relationships point, each once.
     */
    private static final String AROUND = """
            MATCH (centre:Entity {id: $focus})
            CALL (centre) {
              MATCH (centre)-[:DATASET_TYPES*1..%d]-(n:Entity) RETURN n
              UNION
              RETURN centre AS n
            }
            """.replace("DATASET_TYPES", DATASET_TYPES);

    /** No row when the focus does not exist; the filter is applied after collecting, so it cannot hide the focus. */
    static final String COUNT_AROUND = AROUND + """
            WITH centre, collect(n) AS around
            WITH [x IN around WHERE %s] AS kept
            RETURN size(kept) AS nodes, COUNT { UNWIND kept AS a MATCH (a)-[r:%s]->(b) WHERE b IN kept RETURN r } AS edges
            """.formatted(IN_KINDS.formatted("x"), DATASET_TYPES);

    static final String NODES_AROUND = AROUND + """
            WITH n WHERE %s
            RETURN %s AS row
            """.formatted(IN_KINDS.formatted("n"), NODE);

    static final String EDGES_AROUND = AROUND + """
            WITH n WHERE %s
            WITH collect(n) AS kept
            UNWIND kept AS a
            MATCH (a)-[r:%s]->(b) WHERE b IN kept
            RETURN %s AS row
            """.formatted(IN_KINDS.formatted("n"), DATASET_TYPES, EDGE);

    /** How many rows a scope holds, counted in the database before anything is sent. */
    record Counts(long nodes, long edges) {
    }

    /** Decides, from the counts, whether the export goes ahead (throwing when not) and opens its writer. */
    @FunctionalInterface
    interface Start {
        ExportWriter open(Counts counts) throws IOException;
    }

    private final Graph graph;

    ExportRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * Counts the scope, lets {@code start} refuse or open the writer, then streams the nodes and the edges
     * into it, all in one read transaction. Answers the rows written.
     */
    long export(ExportScope scope, boolean withNodes, boolean withEdges, Map<String, String> titles, int fetchSize,
            Duration timeout, Start start) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("focus", scope.focus());
        parameters.put("kinds", scope.kinds());
        boolean around = scope.focus() != null;
        long[] written = new long[1];
        graph.stream(fetchSize, timeout, rows -> {
            List<Counts> counts = new ArrayList<>();
            rows.each(around ? COUNT_AROUND.formatted(scope.hops()) : COUNT_GRAPH, parameters,
                    r -> counts.add(new Counts(r.get("nodes").asLong(), r.get("edges").asLong())));
            if (counts.isEmpty()) {
                throw new NotFoundException("focus: nothing has the id '" + scope.focus() + "'.");
            }
            try {
                ExportWriter writer = start.open(counts.get(0));
                if (withNodes) {
                    written[0] += rows.each(around ? NODES_AROUND.formatted(scope.hops()) : NODES_OF_GRAPH, parameters,
                            r -> write(() -> writer.node(node(r.get("row"), titles))));
                }
                if (withEdges) {
                    written[0] += rows.each(around ? EDGES_AROUND.formatted(scope.hops()) : EDGES_OF_GRAPH, parameters,
                            r -> write(() -> writer.edge(edge(r.get("row"), titles))));
                }
                writer.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return written[0];
    }

    /** Label, type and subtype as the API answers them: from the same records. */
    static ExportNode node(Value row, Map<String, String> titles) {
        Node node = Nodes.from(row, row.get("__labels").asList(Value::asString)).orElseThrow(
                () -> new IllegalStateException("No API type for node " + row.get("id")));
        Provenance provenance = Provenance.from(row);
        return new ExportNode(node.id(), node.label(), node.type(), node.subtype(), provenance.implied(),
                titles(provenance, titles));
    }

    static ExportEdge edge(Value row, Map<String, String> titles) {
        Provenance provenance = Provenance.from(row);
        return new ExportEdge(row.get("id").asString(), row.get("type").asString(), row.get("from").asString(),
                row.get("to").asString(), row.get("since").asString(null), row.get("until").asString(null),
                row.get("scheme").asString(null), provenance.implied(), titles(provenance, titles));
    }

    private static List<String> titles(Provenance provenance, Map<String, String> titles) {
        return provenance.distinctDocumentIds().stream().map(id -> titles.getOrDefault(id, id)).toList();
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private static void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
