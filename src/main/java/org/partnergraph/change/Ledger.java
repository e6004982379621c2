package org.partnergraph.change;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnergraph.dataset.Problem;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The current state of every node and stated relationship, as the change log has accepted it (in
 * bundle form). A draft is built and validated against it while the write lock is held, so checks
 * such as "no duplicate active pairing" hold under concurrency, and hold while Neo4j is down.
 */
public interface Ledger {

    /** The label of each id that exists (ids that do not are absent). */
    Map<String, String> labelsOf(Collection<String> ids);

    /** A node's current row in bundle form ({id, name, kind, region, sources: [...]}). */
    Optional<ObjectNode> node(String id);

    Optional<Relationship> relationship(String id);

    /**
     * For an upsert: the current row of {@code id} when it is a node of {@code label}; empty for a new id
     * (or none given); empty with a problem on {@code id} when the id belongs to another kind of node.
     */
    default Optional<ObjectNode> upsertTarget(String id, String label, String noun, List<Problem> problems) {
        if (id == null) {
            return Optional.empty();
        }
        String existing = labelsOf(List.of(id)).get(id);
        if (existing != null && !existing.equals(label)) {
            problems.add(new Problem("input", "id", "'" + id + "' is a " + existing + ", not " + noun));
            return Optional.empty();
        }
        return node(id);
    }

    /** Stated relationships of one type from one node to another, ended or not. */
    List<Relationship> between(String type, String fromId, String toId);

    /** A node as the ledger keeps it: its label and its row in bundle form. */
    record Node(String id, String label, ObjectNode row) {
    }

    record Relationship(String id, String type, String fromId, String toId, String since, String until, ObjectNode row) {
        public boolean active() {
            return until == null;
        }
    }
}
