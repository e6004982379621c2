package org.partnergraph.change;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            RETURN p.lastChange AS lastChange, coalesce(p.linksPending, false) AS linksPending
            """;

    static final String READ_MARKER = """
            OPTIONAL MATCH (p:__Projection {id: 'change-log'})
            RETURN coalesce(p.lastChange, 0) AS lastChange
            """;

    static final String SET_MARKER = """
            MERGE (p:__Projection {id: 'change-log'})
            SET p.lastChange = $lastChange
            """;

    /**
     * A cleared graph's marker: nothing applied, and the partner links owed (see {@link #apply}). Kept in the
     * graph, so a rebuild cut short (a crash, a Neo4j restart) still derives them when the next drain ends.
     */
    static final String CLEARED_MARKER = """
            MERGE (p:__Projection {id: 'change-log'})
            SET p.lastChange = 0, p.linksPending = true
            """;

    static final String LINKS_PENDING = """
            OPTIONAL MATCH (p:__Projection {id: 'change-log'})
            RETURN coalesce(p.linksPending, false) AS linksPending
            """;

    static final String LINKS_DERIVED = """
            MATCH (p:__Projection {id: 'change-log'})
            REMOVE p.linksPending
            """;

    /** Every organisation, in id order, for deriving all partner links slice by slice. */
    static final String ORGANIZATION_IDS = """
            MATCH (o:Organization)
            RETURN o.id AS id
            ORDER BY id
            """;

    /** Organisations per transaction when every partner link is derived: none grows with the graph. */
    static final int LINK_SLICE = 2_000;

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

    private record Marker(long lastChange, boolean linksPending) {
    }

    private final Graph graph;
    private final BundleWriter writer;
    /** Whether the graph may owe partner links: unknown (so true) until a drain has looked. */
    private volatile boolean linksMayBePending = true;

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
     * already has are skipped. Answers the marker afterwards. The partner links of what the batch touched
     * are derived once, after its last change; while the graph owes all of them (a rebuild), none are, and
     * {@link #deriveOwedLinks} writes them all when the drain ends.
     */
    long apply(List<Applied> changes) {
        return graph.write(tx -> {
            Marker marker = tx.single(MARKER, Map.of(), r -> new Marker(r.get("lastChange").asLong(),
                    r.get("linksPending").asBoolean())).orElseThrow();
            long last = marker.lastChange();
            boolean linksOwed = marker.linksPending();
            if (linksOwed) {
                linksMayBePending = true;
            }
            Set<Object> organizations = new LinkedHashSet<>();
            for (Applied change : changes) {
                if (change.id() > last) {
                    if (linksOwed) {
                        writer.writeWithoutLinks(tx, change.effect());
                    } else {
                        writer.write(tx, change.effect(), organizations);
                    }
                    last = change.id();
                }
            }
            writer.deriveLinks(tx, organizations);
            tx.run(SET_MARKER, Map.of("lastChange", last));
            return last;
        });
    }

    /** Whether a drain should ask the graph if it owes partner links (cheap: no Bolt round trip). */
    boolean linksMayBePending() {
        return linksMayBePending;
    }

    /**
     * Derives every organisation's partner links when the graph owes them (after a rebuild), in slices of
     * {@link #LINK_SLICE} organisations per transaction, then clears the debt. The caller holds the projector's
     * lock, so no change is applied meanwhile. Answers the number of organisations derived (0: nothing owed).
     */
    int deriveOwedLinks() {
        boolean owed = graph.write(tx -> tx.single(LINKS_PENDING, Map.of(), r -> r.get("linksPending").asBoolean())
                .orElse(false));
        int derived = 0;
        if (owed) {
            List<Object> ids = graph.write(tx -> tx.list(ORGANIZATION_IDS, Map.of(), r -> r.get("id").asObject()));
            for (int from = 0; from < ids.size(); from += LINK_SLICE) {
                Set<Object> slice = new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + LINK_SLICE)));
                graph.write(tx -> {
                    writer.deriveLinks(tx, slice);
                    return null;
                });
            }
            graph.write(tx -> {
                tx.run(LINKS_DERIVED, Map.of());
                return null;
            });
            derived = ids.size();
        }
        linksMayBePending = false;
        return derived;
    }

    /** Moves the marker without writing (skipping a change the graph refuses, or before a replay). */
    void setLastChange(long lastChange) {
        graph.write(tx -> {
            tx.run(SET_MARKER, Map.of("lastChange", lastChange));
            return null;
        });
    }

    /**
     * Deletes every node the log wrote and resets the marker, noting that the partner links are owed;
     * schema, indexes and migrations stay.
     */
    void clear() {
        long deleted;
        do {
            deleted = graph.write(tx -> tx.single(DELETE_SLICE, Map.of("slice", 5_000), r -> r.get("deleted").asLong()).orElse(0L));
        } while (deleted > 0);
        graph.write(tx -> {
            tx.run(CLEARED_MARKER, Map.of());
            return null;
        });
        linksMayBePending = true;
    }

    long[] counts() {
        return graph.read(tx -> tx.single(COUNTS, Map.of(), r -> new long[] { r.get("nodes").asLong(),
                r.get("relationships").asLong() }).orElseThrow());
    }
}
