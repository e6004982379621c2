package org.partnergraph.change;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.dataset.BundleWriter;
import org.partnergraph.dataset.Effect;
import org.partnergraph.graph.Graph;

/**
 * The projector's side of Neo4j. The graph records the last change it holds in one marker node, in
 * the same transaction as the change's writes: so the graph itself says how far it is, a change
 * applied twice (a crash between the graph's commit and the log's) is skipped the second time, and
 * a graph restored from a backup is caught up from where the backup ends.
 */
@ApplicationScoped
class GraphProjection {

    static final String MARKER = """
            MERGE (p:__Projection {id: 'change-log'})
            ON CREATE SET p.lastChange = 0
            RETURN p.lastChange AS lastChange
            """;

    static final String READ_MARKER = """
            OPTIONAL MATCH (p:__Projection {id: 'change-log'})
            RETURN coalesce(p.lastChange, 0) AS lastChange
            """;

    static final String SET_MARKER = """
            MERGE (p:__Projection {id: 'change-log'})
            SET p.lastChange = $lastChange
            """;

    /** Rebuild: everything the log wrote, in slices so no transaction grows with the graph. */
    static final String DELETE_SLICE = """
            MATCH (n:Entity)
            WITH n LIMIT $slice
            DETACH DELETE n
            RETURN count(*) AS deleted
            """;

    static final String COUNTS = """
            CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
            CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships }
            RETURN nodes, relationships
            """;

    record Applied(long id, Effect effect) {
    }

    private final Graph graph;
    private final BundleWriter writer;

    GraphProjection(Graph graph, BundleWriter writer) {
        this.graph = graph;
        this.writer = writer;
    }

    /** A read (a secondary may answer, possibly behind): {@link #apply} checks again inside its write. */
    long lastChange() {
        return graph.readSingle(READ_MARKER, Map.of(), r -> r.get("lastChange").asLong()).orElse(0L);
    }

    /**
     * Applies changes in order in one transaction and moves the marker to the last; changes the graph
     * already has are skipped. Answers the marker afterwards.
     */
    long apply(List<Applied> changes) {
        return graph.write(tx -> {
            long marker = tx.single(MARKER, Map.of(), r -> r.get("lastChange").asLong()).orElse(0L);
            // The partner links of what the batch touched are derived once, after its last change.
            java.util.Set<Object> organizations = new java.util.LinkedHashSet<>();
            for (Applied change : changes) {
                if (change.id() > marker) {
                    writer.write(tx, change.effect(), organizations);
                    marker = change.id();
                }
            }
            writer.deriveLinks(tx, organizations);
            tx.run(SET_MARKER, Map.of("lastChange", marker));
            return marker;
        });
    }

    /** Moves the marker without writing (skipping a change the graph refuses, or before a replay). */
    void setLastChange(long lastChange) {
        graph.write(tx -> {
            tx.run(SET_MARKER, Map.of("lastChange", lastChange));
            return null;
        });
    }

    /** Deletes every node the log wrote and resets the marker; schema, indexes and migrations stay. */
    void clear() {
        long deleted;
        do {
            deleted = graph.write(tx -> tx.single(DELETE_SLICE, Map.of("slice", 5_000), r -> r.get("deleted").asLong()).orElse(0L));
        } while (deleted > 0);
        setLastChange(0);
    }

    long[] counts() {
        return graph.read(tx -> tx.single(COUNTS, Map.of(), r -> new long[] { r.get("nodes").asLong(),
                r.get("relationships").asLong() }).orElseThrow());
    }
}
